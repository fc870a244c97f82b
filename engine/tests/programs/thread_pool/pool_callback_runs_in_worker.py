# A callback registered before completion runs in the worker thread that finished the future.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cb") as pool:
    future = pool.submit(time.sleep, 0.1)
    future.add_done_callback(lambda f: print("callback in", threading.current_thread().name))
