# A single worker started after the queue is filled handles jobs strictly by priority.
import queue
import threading

q = queue.PriorityQueue()
for priority, job in [(5, "cleanup"), (1, "deploy"), (3, "test"), (2, "build")]:
    q.put((priority, job))
q.put((99, None))

def worker():
    while True:
        priority, job = q.get()
        if job is None:
            break
        print(priority, job)

t = threading.Thread(target=worker)
t.start()
t.join()
