# Two threads count hits in a shared dict, reading the old count, pausing, and writing it back plus one.
import threading
import time

counts = {"hits": 0}


def visit():
    for _ in range(4):
        seen = counts["hits"]
        time.sleep(0.001)
        counts["hits"] = seen + 1


threads = [threading.Thread(target=visit) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts["hits"] < 8)
