# A thread blocked on a Semaphore(0) proceeds when another thread releases it.
import threading
import time

sem = threading.Semaphore(0)

def waiter():
    print("waiter: blocking")
    sem.acquire()
    print("waiter: acquired")

t = threading.Thread(target=waiter)
t.start()
time.sleep(0.1)
print("main: release")
sem.release()
t.join()
