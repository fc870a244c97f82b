# wait_for(predicate) waits until the predicate is true and returns its value.
import threading
import time

cond = threading.Condition()
items = []

def produce():
    for i in range(3):
        time.sleep(0.05)
        with cond:
            items.append(i)
            cond.notify()

t = threading.Thread(target=produce)
t.start()
with cond:
    result = cond.wait_for(lambda: len(items) >= 3 and items)
print("wait_for returned", result)
t.join()
