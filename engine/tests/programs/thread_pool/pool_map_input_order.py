# map() yields results in input order even when later inputs finish first.
import time
from concurrent.futures import ThreadPoolExecutor

finished = []

def slow_square(n):
    time.sleep(0.1 * (4 - n))
    finished.append(n)
    return n * n

with ThreadPoolExecutor(max_workers=4) as pool:
    print("results:", list(pool.map(slow_square, [1, 2, 3])))
print("finish order:", finished)
