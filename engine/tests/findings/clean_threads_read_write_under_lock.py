# The lost-update pattern (read, sleep, write) made safe: the lock is held across it.
import threading
import time

counter = 0
lock = threading.Lock()


def work():
    global counter
    for _ in range(5):
        with lock:
            value = counter
            time.sleep(0.001)
            counter = value + 1


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
