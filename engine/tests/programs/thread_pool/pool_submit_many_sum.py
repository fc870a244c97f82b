# Many small tasks on a small pool all complete; their results sum correctly.
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(lambda n: n * 2, n) for n in range(100)]
print(sum(f.result() for f in futures))
