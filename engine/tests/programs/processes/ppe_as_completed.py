from concurrent.futures import ProcessPoolExecutor, as_completed
import time

def job(n):
    time.sleep(0.1 * n)
    return n

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=4) as ex:
        futures = {ex.submit(job, n): n for n in (3, 1, 2)}
        done = [f.result() for f in as_completed(futures)]
        print(sorted(done))
