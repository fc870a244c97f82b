# Future.exception() returns the raised exception (or None) without raising it.
from concurrent.futures import ThreadPoolExecutor

def risky(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n

with ThreadPoolExecutor(max_workers=2) as pool:
    good = pool.submit(risky, 1)
    bad = pool.submit(risky, -1)
    print("good:", good.exception())
    exc = bad.exception()
    print("bad:", type(exc).__name__, exc)
