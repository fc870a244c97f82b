# Twenty threads append to a shared list; list.append is atomic, so nothing is lost.
import threading

items = []

def add(i):
    for k in range(100):
        items.append(i * 100 + k)

threads = [threading.Thread(target=add, args=(i,)) for i in range(20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(items), sum(items), sorted(items) == list(range(2000)))
