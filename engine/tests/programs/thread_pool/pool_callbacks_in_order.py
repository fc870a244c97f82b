# Several done-callbacks run in the order they were added.
import time
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(max_workers=1) as pool:
    future = pool.submit(time.sleep, 0.1)
    for name in ("first", "second", "third"):
        future.add_done_callback(lambda f, name=name: print(name, "callback"))
