# get(timeout=0.1) waits that long, then raises queue.Empty.
import queue
import time

q = queue.Queue()
start = time.monotonic()
try:
    q.get(timeout=0.1)
except queue.Empty:
    print("Empty after", round(time.monotonic() - start, 1))
