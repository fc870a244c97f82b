# as_completed(timeout=...) raises TimeoutError naming how many futures are unfinished.
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(time.sleep, s) for s in (0.05, 0.5, 0.6)]
    try:
        for f in as_completed(futures, timeout=0.2):
            print("one finished")
    except TimeoutError as e:
        print("TimeoutError:", e)
