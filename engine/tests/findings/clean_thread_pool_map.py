# A thread pool maps a function over inputs; the results come back in order.
from concurrent.futures import ThreadPoolExecutor
import time


def fetch(n):
    time.sleep(0.01 * n)
    return n * 10


with ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(fetch, range(6))))
