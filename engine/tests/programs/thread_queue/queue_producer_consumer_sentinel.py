# A producer puts items then a None sentinel; the consumer stops when it sees the sentinel.
import queue
import threading
import time

q = queue.Queue()

def producer():
    for i in range(5):
        time.sleep(0.02)
        q.put(f"item-{i}")
    q.put(None)

def consumer():
    while True:
        item = q.get()
        if item is None:
            print("consumer: sentinel, stopping")
            break
        print("consumer:", item)

threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
