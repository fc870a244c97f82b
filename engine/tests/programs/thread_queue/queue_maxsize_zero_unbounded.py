# maxsize 0 (the default) or negative means unbounded: the queue is never full.
import queue

for size in (0, -1):
    q = queue.Queue(maxsize=size)
    for i in range(1000):
        q.put_nowait(i)
    print(size, q.qsize(), q.full())
