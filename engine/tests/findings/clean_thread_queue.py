# A producer thread and a consumer thread, ended by a sentinel.
import queue
import threading

q = queue.Queue()


def produce():
    for i in range(5):
        q.put(i)
    q.put(None)


def consume():
    while (item := q.get()) is not None:
        print("got", item)


threads = [threading.Thread(target=produce), threading.Thread(target=consume)]
for t in threads:
    t.start()
for t in threads:
    t.join()
