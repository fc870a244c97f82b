# result(timeout=...) raises TimeoutError when the task is still running.
import time
from concurrent.futures import ThreadPoolExecutor

pool = ThreadPoolExecutor(max_workers=1)
future = pool.submit(time.sleep, 0.5)
print("waiting 0.1 s for a 0.5 s task")
future.result(timeout=0.1)
