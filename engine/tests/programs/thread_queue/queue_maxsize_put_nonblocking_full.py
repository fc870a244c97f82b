# A full bounded queue refuses put(block=False) and put_nowait with queue.Full.
import queue

q = queue.Queue(maxsize=2)
q.put(1)
q.put(2)
print("full:", q.full())
for attempt in (lambda: q.put(3, block=False), lambda: q.put_nowait(3)):
    try:
        attempt()
    except queue.Full:
        print("queue.Full")
print("size:", q.qsize())
