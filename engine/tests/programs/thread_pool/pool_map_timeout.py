# map(timeout=...) raises TimeoutError while iterating when a result is late.
import time
from concurrent.futures import ThreadPoolExecutor, TimeoutError

def slow(x):
    time.sleep(x)
    return x

with ThreadPoolExecutor(max_workers=2) as pool:
    results = pool.map(slow, [0.05, 0.5], timeout=0.2)
    try:
        for r in results:
            print("got", r)
    except TimeoutError:
        print("TimeoutError while iterating")
print("pool closed")
