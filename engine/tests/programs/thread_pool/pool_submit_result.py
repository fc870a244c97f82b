# submit() returns a Future; result() waits for the function's return value.
from concurrent.futures import ThreadPoolExecutor

def add(a, b):
    return a + b

with ThreadPoolExecutor(max_workers=2) as pool:
    future = pool.submit(add, 2, 3)
    print("result:", future.result())
    print("done:", future.done())
