# Three consumers share one queue; one sentinel per consumer stops them all. Results are printed sorted.
import queue
import threading

q = queue.Queue()
results = []
lock = threading.Lock()

def consumer():
    count = 0
    while (item := q.get()) is not None:
        with lock:
            results.append(item * item)
        count += 1

consumers = [threading.Thread(target=consumer) for _ in range(3)]
for c in consumers:
    c.start()
for i in range(10):
    q.put(i)
for _ in consumers:
    q.put(None)
for c in consumers:
    c.join()
print(sorted(results))
print("queue empty:", q.empty())
