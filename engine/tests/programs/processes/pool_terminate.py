from multiprocessing import Pool
import time

def forever(x):
    while True:
        time.sleep(0.1)

if __name__ == "__main__":
    pool = Pool(2)
    pool.map_async(forever, range(4))
    time.sleep(0.2)
    pool.terminate()
    pool.join()
    print(pool)
    print([w.exitcode for w in pool._pool])
