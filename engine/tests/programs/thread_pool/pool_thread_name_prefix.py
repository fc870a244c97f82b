# thread_name_prefix names the worker threads prefix_0, prefix_1, ...
import threading
import time
from concurrent.futures import ThreadPoolExecutor

def whoami(delay):
    time.sleep(delay)
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=3, thread_name_prefix="downloader") as pool:
    futures = [pool.submit(whoami, 0.1) for _ in range(3)]
    print(sorted(f.result() for f in futures))
