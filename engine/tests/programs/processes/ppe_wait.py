from concurrent.futures import ProcessPoolExecutor, wait, FIRST_COMPLETED, ALL_COMPLETED
import time

def nap(t):
    time.sleep(t)
    return t

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        fs = [ex.submit(nap, 0.1), ex.submit(nap, 1.0)]
        done, not_done = wait(fs, return_when=FIRST_COMPLETED)
        print(len(done), len(not_done))
        done, not_done = wait(fs, return_when=ALL_COMPLETED)
        print(sorted(f.result() for f in done), len(not_done))
