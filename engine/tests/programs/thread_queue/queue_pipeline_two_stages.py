# A two-stage pipeline: stage one doubles, stage two adds one; order is preserved end to end.
import queue
import threading

q1, q2, out = queue.Queue(), queue.Queue(), queue.Queue()

def stage(inbox, outbox, fn):
    while (item := inbox.get()) is not None:
        outbox.put(fn(item))
    outbox.put(None)

threading.Thread(target=stage, args=(q1, q2, lambda x: x * 2)).start()
threading.Thread(target=stage, args=(q2, out, lambda x: x + 1)).start()
for i in range(5):
    q1.put(i)
q1.put(None)
results = []
while (item := out.get()) is not None:
    results.append(item)
print(results)
