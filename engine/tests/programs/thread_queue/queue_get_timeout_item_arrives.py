# get(timeout=1) returns as soon as an item arrives, without waiting out the timeout.
import queue
import threading
import time

q = queue.Queue()
threading.Timer(0.2, q.put, args=("arrived",)).start()
start = time.monotonic()
print(q.get(timeout=1), "after", round(time.monotonic() - start, 1))
