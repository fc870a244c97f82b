# notify() without holding the condition's lock raises RuntimeError.
import threading

cond = threading.Condition()
with cond:
    cond.notify()
print("notify under the lock is fine")
cond.notify()
