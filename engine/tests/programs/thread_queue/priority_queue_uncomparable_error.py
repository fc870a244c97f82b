# Items a PriorityQueue must compare but cannot raise TypeError at put().
import queue

q = queue.PriorityQueue()
q.put((1, {"a": 1}))
print("first put ok")
q.put((1, {"b": 2}))
