# LifoQueue hands out the most recently put item first.
import queue

q = queue.LifoQueue()
for i in range(4):
    q.put(i)
print([q.get() for _ in range(4)])
print(isinstance(q, queue.Queue))
