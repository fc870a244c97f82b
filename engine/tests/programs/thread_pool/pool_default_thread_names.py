# Without a prefix, workers are named ThreadPoolExecutor-<pool number>_<worker number>.
import threading
from concurrent.futures import ThreadPoolExecutor

def name():
    return threading.current_thread().name

for _ in range(2):
    with ThreadPoolExecutor(max_workers=1) as pool:
        print(pool.submit(name).result())
