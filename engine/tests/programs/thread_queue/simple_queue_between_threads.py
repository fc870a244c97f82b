# A SimpleQueue carries results from a worker to the main thread in order.
import queue
import threading

q = queue.SimpleQueue()

def worker():
    for i in range(3):
        q.put(i * 10)
    q.put(None)

threading.Thread(target=worker).start()
while (item := q.get()) is not None:
    print("got", item)
print("done")
