# shutdown(wait=True) returns only after every submitted task has finished.
import time
from concurrent.futures import ThreadPoolExecutor

def job(n):
    time.sleep(0.1 * n)
    print("job", n, "finished")

pool = ThreadPoolExecutor(max_workers=3)
for n in (1, 2, 3):
    pool.submit(job, n)
print("shutting down")
pool.shutdown(wait=True)
print("shutdown returned")
