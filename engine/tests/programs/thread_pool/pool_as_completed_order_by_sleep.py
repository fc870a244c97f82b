# as_completed() yields futures in completion order: sleeps of 0.3, 0.1 and 0.2 s finish 0.1, 0.2, 0.3.
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

def nap(seconds):
    time.sleep(seconds)
    return seconds

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = {pool.submit(nap, s): s for s in (0.3, 0.1, 0.2)}
    for f in as_completed(futures):
        print("finished", f.result(), "submitted as", futures[f])
