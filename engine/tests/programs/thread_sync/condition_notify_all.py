# notify_all() wakes every waiting thread.
import threading
import time

cond = threading.Condition()
woken = []
go = False

def waiter(name):
    with cond:
        while not go:
            cond.wait()
        woken.append(name)

threads = [threading.Thread(target=waiter, args=(f"w{i}",)) for i in range(3)]
for t in threads:
    t.start()
time.sleep(0.1)
with cond:
    go = True
    cond.notify_all()
for t in threads:
    t.join()
print(sorted(woken))
