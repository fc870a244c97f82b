# wait(timeout) returns False when nobody notifies; wait_for with a timeout returns the false predicate value.
import threading
import time

cond = threading.Condition()
start = time.monotonic()
with cond:
    print("wait:", cond.wait(timeout=0.1))
    print("wait_for:", cond.wait_for(lambda: 0, timeout=0.1))
print("elapsed", round(time.monotonic() - start, 1))
