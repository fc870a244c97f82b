# Setting an Event releases every thread waiting on it.
import threading
import time

ev = threading.Event()
released = []

def waiter(name):
    ev.wait()
    released.append(name)

threads = [threading.Thread(target=waiter, args=(n,)) for n in "abc"]
for t in threads:
    t.start()
time.sleep(0.1)
print("before set:", released)
ev.set()
for t in threads:
    t.join()
print("after set:", sorted(released))
