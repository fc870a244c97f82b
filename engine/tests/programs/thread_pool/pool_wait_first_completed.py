# wait(return_when=FIRST_COMPLETED) returns as soon as one future is done.
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(time.sleep, s) for s in (0.1, 0.4, 0.5)]
    done, not_done = wait(futures, return_when=FIRST_COMPLETED)
    print("done:", len(done), "not done:", len(not_done))
    print("the quick one:", futures[0] in done)
