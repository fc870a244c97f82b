from multiprocessing import Pool, TimeoutError
import time

def slow(x):
    time.sleep(0.5)
    return x + 1

if __name__ == "__main__":
    with Pool(2) as pool:
        r = pool.apply_async(slow, (1,))
        print("ready:", r.ready())
        try:
            r.get(timeout=0.1)
        except TimeoutError:
            print("not yet")
        try:
            r.successful()
        except ValueError:
            print("successful() before it is ready: ValueError")
        print(r.get())
        print("ready:", r.ready(), "successful:", r.successful())
        m = pool.map_async(slow, [10, 20])
        m.wait()
        print(m.get())
