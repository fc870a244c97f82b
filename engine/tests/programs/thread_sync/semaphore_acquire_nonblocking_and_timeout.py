# An exhausted Semaphore refuses acquire(blocking=False) and acquire(timeout=...) with False.
import threading
import time

sem = threading.Semaphore(1)
print("acquire:", sem.acquire())
print("non-blocking:", sem.acquire(blocking=False))
start = time.monotonic()
print("timeout:", sem.acquire(timeout=0.1), round(time.monotonic() - start, 1))
sem.release()
print("after release:", sem.acquire(blocking=False))
