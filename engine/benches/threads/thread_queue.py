# Queue hand-off: a producer thread passes 20,000 items through a bounded queue.Queue to two consumers.
import queue
import sys
import threading
import time

q = queue.Queue(maxsize=64)
totals = [0, 0]


def produce(n):
    for i in range(n):
        q.put(i)
    q.put(None)
    q.put(None)


def consume(k):
    while True:
        item = q.get()
        if item is None:
            return
        totals[k] += item


start = time.perf_counter()
threads = [threading.Thread(target=produce, args=(20_000,))]
threads += [threading.Thread(target=consume, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("sum", sum(totals))
print(f"elapsed {time.perf_counter() - start:.4f}", file=sys.stderr)
