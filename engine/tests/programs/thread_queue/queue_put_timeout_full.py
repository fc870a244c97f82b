# put(timeout=0.1) on a full queue waits that long, then raises queue.Full.
import queue
import time

q = queue.Queue(maxsize=1)
q.put("x")
start = time.monotonic()
try:
    q.put("y", timeout=0.1)
except queue.Full:
    print("Full after", round(time.monotonic() - start, 1))
