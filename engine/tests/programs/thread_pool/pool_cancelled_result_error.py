# result() of a cancelled future raises CancelledError.
import time
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(max_workers=1) as pool:
    pool.submit(time.sleep, 0.2)
    queued = pool.submit(print, "never runs")
    print("cancelled:", queued.cancel())
    queued.result()
