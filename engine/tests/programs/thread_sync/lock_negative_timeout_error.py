# A negative timeout other than -1 is rejected with ValueError.
import threading

lock = threading.Lock()
print("timeout=-1 means forever:", lock.acquire(timeout=-1))
lock.release()
lock.acquire(timeout=-2)
