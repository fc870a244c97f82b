# release(n) adds n permits at once.
import threading

sem = threading.Semaphore(0)
sem.release(3)
print([sem.acquire(blocking=False) for _ in range(4)])
