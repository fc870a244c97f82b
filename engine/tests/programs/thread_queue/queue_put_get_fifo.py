# queue.Queue hands items out in the order they were put.
import queue

q = queue.Queue()
for word in ["first", "second", "third"]:
    q.put(word)
print([q.get() for _ in range(3)])
