# With FIRST_EXCEPTION and no failures, wait() returns only when all are done.
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(time.sleep, s) for s in (0.1, 0.2)]
    done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
    print("done:", len(done), "not done:", len(not_done))
