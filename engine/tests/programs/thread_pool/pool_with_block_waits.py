# Leaving the with block waits for every submitted task.
import time
from concurrent.futures import ThreadPoolExecutor

def job(n):
    time.sleep(0.1 * n)
    print("job", n, "done")

start = time.monotonic()
with ThreadPoolExecutor(max_workers=3) as pool:
    for n in (3, 1, 2):
        pool.submit(job, n)
    print("end of with body")
print("after with:", round(time.monotonic() - start, 1))
