# join() returns once task_done() has been called for every item put.
import queue
import threading
import time

q = queue.Queue()
handled = []

def worker():
    while True:
        item = q.get()
        time.sleep(0.1)
        handled.append(item)
        q.task_done()

threading.Thread(target=worker, daemon=True).start()
for i in range(4):
    q.put(i)
print("unfinished:", q.unfinished_tasks)
q.join()
print("joined; handled:", handled, "unfinished:", q.unfinished_tasks)
