# as_completed() also yields futures that failed; result() re-raises their exception.
from concurrent.futures import ThreadPoolExecutor, as_completed

def check(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    return n

outcomes = []
with ThreadPoolExecutor(max_workers=2) as pool:
    for f in as_completed([pool.submit(check, n) for n in range(4)]):
        try:
            outcomes.append(("ok", f.result()))
        except ValueError as e:
            outcomes.append(("error", str(e)))
print(sorted(outcomes))
