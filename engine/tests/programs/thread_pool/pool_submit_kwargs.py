# submit() forwards positional and keyword arguments to the function.
from concurrent.futures import ThreadPoolExecutor

def describe(name, *, unit="kg", amount=1):
    return f"{amount} {unit} of {name}"

with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(describe, "flour", amount=2).result())
    print(pool.submit(describe, "milk", unit="l").result())
