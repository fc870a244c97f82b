# The thread pool example with ProcessPoolExecutor: the calls run in worker processes instead of threads.
# Waiting overlaps either way; only CPU-bound work gains from processes, and starting them costs time.
import time
from concurrent.futures import ProcessPoolExecutor


def get_something():
    # Simulate a time-consuming operation: the worker process waits.
    time.sleep(2)
    return "I am the result"


if __name__ == "__main__":
    start = time.perf_counter()
    # Two workers for two calls (the default, one a core, starts a worker for each core at once).
    with ProcessPoolExecutor(max_workers=2) as executor:
        future1 = executor.submit(get_something)
        future2 = executor.submit(get_something)
        result1 = future1.result()
        result2 = future2.result()
    print(result1, result2)
    print(f"both took {time.perf_counter() - start:.0f} seconds together")
