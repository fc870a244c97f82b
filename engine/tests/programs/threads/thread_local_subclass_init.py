# A threading.local subclass runs __init__ once in each thread that touches it.
import threading

class Counter(threading.local):
    def __init__(self):
        self.count = 0
        print("init in", threading.current_thread().name)

c = Counter()
c.count += 5

def worker():
    c.count += 1
    c.count += 1
    print(threading.current_thread().name, "count", c.count)

t = threading.Thread(target=worker, name="worker")
t.start()
t.join()
print("main count", c.count)
