# A BoundedSemaphore released above its initial value raises ValueError.
import threading

sem = threading.BoundedSemaphore(2)
sem.acquire()
sem.release()
print("balanced release is fine")
sem.release()
