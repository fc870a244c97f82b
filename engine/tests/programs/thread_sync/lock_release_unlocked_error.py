# Releasing a lock that is not held raises RuntimeError.
import threading

lock = threading.Lock()
lock.acquire()
lock.release()
print("released once")
lock.release()
