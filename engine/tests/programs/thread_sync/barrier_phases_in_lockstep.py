# Threads meeting at a barrier after each phase never start phase n+1 before all finished phase n.
import threading
import time

barrier = threading.Barrier(3)
log = []
lock = threading.Lock()

def worker(i):
    for phase in range(2):
        time.sleep(0.02 * i)
        with lock:
            log.append(phase)
        barrier.wait()

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(log)
