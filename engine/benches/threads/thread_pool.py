# A pool of 8 workers: ThreadPoolExecutor.map over 5,000 small jobs, then as_completed over 1,000 more.
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def job(n):
    return sum(range(n % 50))


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=8) as pool:
    mapped = sum(pool.map(job, range(5_000)))
    futures = [pool.submit(job, n) for n in range(1_000)]
    completed = sum(f.result() for f in as_completed(futures))
print("mapped", mapped, "completed", completed)
print(f"elapsed {time.perf_counter() - start:.4f}", file=sys.stderr)
