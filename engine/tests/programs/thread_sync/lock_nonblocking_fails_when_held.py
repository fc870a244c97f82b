# acquire(blocking=False) returns False at once when the lock is held, even by the same thread.
import threading

lock = threading.Lock()
lock.acquire()
print("same thread, non-blocking:", lock.acquire(blocking=False))
result = []
t = threading.Thread(target=lambda: result.append(lock.acquire(False)))
t.start()
t.join()
print("other thread, non-blocking:", result[0])
lock.release()
print("after release:", lock.acquire(blocking=False))
