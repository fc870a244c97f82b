# join() on a queue with no unfinished tasks returns at once; items got but not marked done keep it waiting.
import queue
import threading
import time

q = queue.Queue()
q.join()
print("empty queue joined at once")
q.put("a")
q.get()
print("got the item, not yet done:", q.unfinished_tasks)
threading.Timer(0.1, q.task_done).start()
start = time.monotonic()
q.join()
print("joined after", round(time.monotonic() - start, 1))
