# A Semaphore cannot start with a negative value.
import threading

print(threading.Semaphore(0).acquire(blocking=False))
threading.Semaphore(-1)
