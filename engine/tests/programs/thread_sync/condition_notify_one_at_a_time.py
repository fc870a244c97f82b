# notify() wakes one waiter, notify(2) wakes two.
import threading
import time

cond = threading.Condition()
woken = []

def waiter(i):
    with cond:
        cond.wait()
        woken.append(i)

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
time.sleep(0.1)
with cond:
    cond.notify()
time.sleep(0.1)
print("after notify():", len(woken))
with cond:
    cond.notify(2)
for t in threads:
    t.join()
print("after notify(2):", len(woken))
