# max_workers=2 runs at most two tasks at once: four 0.2 s tasks take 0.4 s.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

lock = threading.Lock()
running = 0
peak = 0

def task():
    global running, peak
    with lock:
        running += 1
        peak = max(peak, running)
    time.sleep(0.2)
    with lock:
        running -= 1

start = time.monotonic()
with ThreadPoolExecutor(max_workers=2) as pool:
    for _ in range(4):
        pool.submit(task)
print("peak:", peak, "elapsed:", round(time.monotonic() - start, 1))
