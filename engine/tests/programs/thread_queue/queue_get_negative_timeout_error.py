# A negative timeout is rejected with ValueError.
import queue

q = queue.Queue()
q.get(timeout=-1)
