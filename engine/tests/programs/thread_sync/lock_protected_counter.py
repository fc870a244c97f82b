# A counter incremented under a Lock by four threads is always exact.
import threading

counter = 0
lock = threading.Lock()

def work():
    global counter
    for _ in range(20000):
        with lock:
            counter += 1

threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)
