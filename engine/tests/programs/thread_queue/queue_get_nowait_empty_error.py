# get_nowait on an empty queue raises queue.Empty uncaught (its class lives in _queue).
import queue

q = queue.Queue()
q.put(1)
print("got", q.get_nowait())
q.get_nowait()
