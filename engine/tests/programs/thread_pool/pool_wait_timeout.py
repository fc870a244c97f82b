# wait(timeout=...) returns the futures done so far when the time is up.
import time
from concurrent.futures import ThreadPoolExecutor, wait

with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(time.sleep, s) for s in (0.05, 0.5)]
    done, not_done = wait(futures, timeout=0.2)
    print("done:", len(done), "not done:", len(not_done))
