# Three tasks each sleeping 0.3 s on three workers finish together in about 0.3 s, not 0.9 s.
import time
from concurrent.futures import ThreadPoolExecutor

start = time.monotonic()
with ThreadPoolExecutor(max_workers=3) as pool:
    list(pool.map(time.sleep, [0.3] * 3))
print("elapsed", round(time.monotonic() - start, 1))
