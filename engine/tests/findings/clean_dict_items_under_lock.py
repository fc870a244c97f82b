# Threads update a shared dict's counts, each read and write under one lock.
import threading
import time

counts = {"a": 0, "b": 0}
lock = threading.Lock()


def work(key):
    for _ in range(5):
        with lock:
            seen = counts[key]
            time.sleep(0.001)
            counts[key] = seen + 1


threads = [threading.Thread(target=work, args=(k,)) for k in "abab"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts)
