# A plain Lock has no owner: a different thread may release it.
import threading

lock = threading.Lock()
lock.acquire()
print("main holds it:", lock.locked())

def releaser():
    lock.release()
    print("worker released the main thread's lock")

t = threading.Thread(target=releaser)
t.start()
t.join()
print("locked now:", lock.locked())
print("main re-acquires:", lock.acquire(False))
