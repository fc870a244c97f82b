# Threads update a counter under a lock, then the main thread joins them.
import threading

counter = 0
lock = threading.Lock()


def work():
    global counter
    for _ in range(1000):
        with lock:
            counter += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
