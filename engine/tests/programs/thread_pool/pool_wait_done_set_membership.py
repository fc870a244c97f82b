# The sets returned by wait() hold the original future objects.
from concurrent.futures import ThreadPoolExecutor, wait

with ThreadPoolExecutor(max_workers=2) as pool:
    a = pool.submit(abs, -1)
    b = pool.submit(abs, -2)
    done, not_done = wait([a, b])
    print(a in done, b in done, not_done == set())
    print(sorted(f.result() for f in done))
