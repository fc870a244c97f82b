# PriorityQueue returns the smallest item first; (priority, data) tuples order by priority, then data.
import queue

q = queue.PriorityQueue()
for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    q.put(item)
while not q.empty():
    print(q.get())
