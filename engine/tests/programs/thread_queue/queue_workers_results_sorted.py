# Worker threads take jobs from one queue and put (job, result) pairs on another; the main thread sorts them.
import queue
import threading

jobs, results = queue.Queue(), queue.Queue()

def worker():
    while True:
        n = jobs.get()
        results.put((n, n ** 3))
        jobs.task_done()

for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for n in range(6):
    jobs.put(n)
jobs.join()
pairs = sorted(results.get() for _ in range(6))
print(pairs)
