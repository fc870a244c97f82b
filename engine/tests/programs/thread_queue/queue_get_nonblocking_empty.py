# get(block=False) and get_nowait on an empty queue raise queue.Empty.
import queue

q = queue.Queue()
for attempt in (lambda: q.get(block=False), q.get_nowait):
    try:
        attempt()
    except queue.Empty as e:
        print("queue.Empty", repr(str(e)))
