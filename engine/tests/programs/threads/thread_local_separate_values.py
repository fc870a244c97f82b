# threading.local gives each thread its own attribute values.
import threading
import time

data = threading.local()
data.value = "main"

def worker(name, delay):
    data.value = name
    time.sleep(delay)
    print(threading.current_thread().name, "sees", data.value)

threads = [threading.Thread(target=worker, args=(n, d), name=n) for n, d in (("t1", 0.2), ("t2", 0.1))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("main sees", data.value)
