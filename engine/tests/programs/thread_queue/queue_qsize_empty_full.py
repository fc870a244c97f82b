# qsize(), empty() and full() track a bounded queue as it fills and drains.
import queue

q = queue.Queue(maxsize=2)
print(q.qsize(), q.empty(), q.full(), q.maxsize)
q.put("a")
print(q.qsize(), q.empty(), q.full())
q.put("b")
print(q.qsize(), q.empty(), q.full())
q.get()
q.get()
print(q.qsize(), q.empty(), q.full())
