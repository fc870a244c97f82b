# wait() by default returns when every future is done.
import time
from concurrent.futures import ALL_COMPLETED, ThreadPoolExecutor, wait

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(time.sleep, s) for s in (0.1, 0.2, 0.05)]
    done, not_done = wait(futures, return_when=ALL_COMPLETED)
    print("done:", len(done), "not done:", len(not_done))
    print(type(done).__name__, type(not_done).__name__)
