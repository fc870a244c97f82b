# With the single worker busy, a queued future can be cancelled; the running one cannot.
import time
from concurrent.futures import ThreadPoolExecutor

def job(name):
    time.sleep(0.3)
    print("ran", name)

with ThreadPoolExecutor(max_workers=1) as pool:
    running = pool.submit(job, "first")
    pending = pool.submit(job, "second")
    time.sleep(0.1)
    print("cancel running:", running.cancel())
    print("cancel pending:", pending.cancel())
    print("cancelled:", running.cancelled(), pending.cancelled())
print("done:", running.done(), pending.done())
