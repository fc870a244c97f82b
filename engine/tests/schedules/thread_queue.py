# outcome: 1 / 2 / 3
# preemptions: 1
import queue
import threading

q = queue.Queue()


def producer():
    for i in (1, 2, 3):
        q.put(i)


def consumer():
    for _ in range(3):
        print(q.get())


ts = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
