# A Condition made without a lock uses an RLock, so its owner can acquire it twice; with a Lock it cannot.
import threading

cond = threading.Condition()
print(cond.acquire(), cond.acquire(blocking=False))
cond.release()
cond.release()

plain = threading.Condition(threading.Lock())
print(plain.acquire(), plain.acquire(blocking=False))
plain.release()
