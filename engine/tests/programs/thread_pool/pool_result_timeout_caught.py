# A timed-out result() leaves the task running; a second result() gets the value.
import time
from concurrent.futures import ThreadPoolExecutor

def slow():
    time.sleep(0.3)
    return "finally"

with ThreadPoolExecutor(max_workers=1) as pool:
    future = pool.submit(slow)
    try:
        future.result(timeout=0.1)
    except TimeoutError:
        print("TimeoutError; running:", future.running())
    print(future.result())
