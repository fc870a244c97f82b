# A producer thread and two consumer threads share a queue.Queue; a None per consumer says "no more work".
import queue
import threading
import time

jobs = queue.Queue(maxsize=3)
done = []
done_lock = threading.Lock()


def producer():
    for n in range(8):
        jobs.put(n)  # waits while the queue is full
        print(f"produced {n}")
        time.sleep(0.05)
    for _ in range(2):
        jobs.put(None)


def consumer(name):
    while True:
        n = jobs.get()  # waits while the queue is empty
        if n is None:
            break
        time.sleep(0.2)  # slow work
        with done_lock:
            done.append(n)


threads = [threading.Thread(target=producer, name="producer")]
threads += [threading.Thread(target=consumer, args=(c,), name=c) for c in ("consumer-a", "consumer-b")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("consumed:", sorted(done))
