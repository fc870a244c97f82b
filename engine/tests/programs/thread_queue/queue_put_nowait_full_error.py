# put_nowait on a full queue raises queue.Full uncaught.
import queue

q = queue.Queue(1)
q.put_nowait("a")
print("one item in")
q.put_nowait("b")
