# "with lock" acquires and releases, also when the block raises.
import threading

lock = threading.Lock()
with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())
try:
    with lock:
        raise ValueError("inside the block")
except ValueError as e:
    print("caught:", e)
print("released after exception:", not lock.locked())
