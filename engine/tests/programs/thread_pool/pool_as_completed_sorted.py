# as_completed() yields every future once; the results are printed sorted.
from concurrent.futures import ThreadPoolExecutor, as_completed

def cube(n):
    return n ** 3

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(cube, n) for n in range(6)]
    print(sorted(f.result() for f in as_completed(futures)))
