# SimpleQueue: unbounded FIFO with put/get/empty/qsize and get_nowait raising Empty.
import queue

q = queue.SimpleQueue()
print(q.empty(), q.qsize())
q.put("a")
q.put_nowait("b")
print(q.empty(), q.qsize())
print(q.get(), q.get_nowait())
try:
    q.get(block=False)
except queue.Empty:
    print("Empty")
print(hasattr(q, "task_done"), hasattr(q, "maxsize"))
