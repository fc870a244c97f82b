# shutdown(cancel_futures=True) cancels the queued futures; the running one completes.
import time
from concurrent.futures import ThreadPoolExecutor

def job(n):
    time.sleep(0.2)
    return n

pool = ThreadPoolExecutor(max_workers=1)
futures = [pool.submit(job, n) for n in range(4)]
time.sleep(0.05)
pool.shutdown(wait=True, cancel_futures=True)
for f in futures:
    print("cancelled" if f.cancelled() else f"result {f.result()}")
