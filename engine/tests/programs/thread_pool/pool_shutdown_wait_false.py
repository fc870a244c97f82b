# shutdown(wait=False) returns at once; the running task still finishes before the program exits.
import time
from concurrent.futures import ThreadPoolExecutor

def job():
    time.sleep(0.2)
    print("job finished")

pool = ThreadPoolExecutor(max_workers=1)
pool.submit(job)
pool.shutdown(wait=False)
print("shutdown returned")
