# Lock contention: four threads take one lock 20,000 times each to add to a shared counter.
import sys
import threading
import time

counter = 0
lock = threading.Lock()


def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


start = time.perf_counter()
threads = [threading.Thread(target=work, args=(20_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)
print(f"elapsed {time.perf_counter() - start:.4f}", file=sys.stderr)
