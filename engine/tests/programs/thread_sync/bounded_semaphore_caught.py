# BoundedSemaphore: a plain Semaphore accepts an extra release, a bounded one refuses it.
import threading

plain = threading.Semaphore(1)
plain.release()
print("plain semaphore now allows two:", plain.acquire(False), plain.acquire(False))

bounded = threading.BoundedSemaphore(1)
try:
    bounded.release()
except ValueError as e:
    print("ValueError:", e)
