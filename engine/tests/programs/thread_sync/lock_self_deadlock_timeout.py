# A plain Lock is not reentrant: a second acquire in the same thread would deadlock, so a timeout returns False.
import threading
import time

lock = threading.Lock()
lock.acquire()
start = time.monotonic()
print("second acquire:", lock.acquire(timeout=0.2))
print("waited", round(time.monotonic() - start, 1))
lock.release()
