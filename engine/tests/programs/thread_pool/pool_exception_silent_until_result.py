# Unlike a bare Thread, a failing pool task prints nothing until someone asks for its result.
from concurrent.futures import ThreadPoolExecutor

def explode():
    raise KeyError("hidden")

with ThreadPoolExecutor(max_workers=1) as pool:
    future = pool.submit(explode)
print("pool closed, nothing printed yet")
print("the exception was kept:", repr(future.exception()))
