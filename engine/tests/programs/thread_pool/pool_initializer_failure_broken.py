# A failing initializer breaks the pool: pending futures fail with BrokenThreadPool.
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool

def init():
    raise OSError("cannot initialise")

pool = ThreadPoolExecutor(max_workers=1, initializer=init)
future = pool.submit(print, "never")
try:
    future.result()
except BrokenThreadPool as e:
    print("BrokenThreadPool:", e)
pool.shutdown()
