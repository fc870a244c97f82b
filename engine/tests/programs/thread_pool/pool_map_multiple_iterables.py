# map() with several iterables calls the function with one item of each, stopping at the shortest.
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(pow, [2, 3, 4, 5], [5, 2, 3])))
