# CPU-bound work in four threads: the GIL lets one run at a time, so the virtual time should be CPython's.
import sys
import threading
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


start = time.perf_counter()
threads = [threading.Thread(target=crunch, args=(250_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
print(f"elapsed {time.perf_counter() - start:.4f}", file=sys.stderr)
