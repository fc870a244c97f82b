# Two slow calls in a thread pool: both wait at once, so the pair takes 2 seconds, not 4.
import time
from concurrent.futures import ThreadPoolExecutor


def get_something():
    # Simulate a time-consuming operation (a download, a query): the thread waits off the GIL.
    time.sleep(2)
    return "I am the result"


start = time.perf_counter()
with ThreadPoolExecutor() as executor:
    future1 = executor.submit(get_something)
    future2 = executor.submit(get_something)
    result1 = future1.result()
    result2 = future2.result()
print(result1, result2)
print(f"both took {time.perf_counter() - start:.0f} seconds together")
