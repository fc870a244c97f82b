# wait(timeout) returns True when notified before the timeout.
import threading

cond = threading.Condition()

def notifier():
    with cond:
        cond.notify()

with cond:
    threading.Thread(target=notifier).start()
    print("notified in time:", cond.wait(timeout=5))
