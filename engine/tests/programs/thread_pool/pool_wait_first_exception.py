# wait(return_when=FIRST_EXCEPTION) returns when a future raises, leaving slower ones running.
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

def fail_after(seconds):
    time.sleep(seconds)
    raise RuntimeError("failed")

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(time.sleep, 0.05), pool.submit(fail_after, 0.15), pool.submit(time.sleep, 0.5)]
    done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
    print("done:", len(done), "not done:", len(not_done))
    print("failed one done:", futures[1] in done, futures[1].exception())
