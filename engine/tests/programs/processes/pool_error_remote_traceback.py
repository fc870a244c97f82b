# An exception raised in a Pool worker reaches the parent with a RemoteTraceback cause (the worker's traceback as text), as a ProcessPoolExecutor's does; uncaught, both tracebacks print.
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor
def bad(x):
    if x == 2:
        raise ValueError(f"bad value {x}")
    return x
if __name__ == "__main__":
    with Pool(2) as p:
        try:
            p.map(bad, range(4))
        except ValueError as e:
            print("caught", e, type(e.__cause__).__name__)
    with ProcessPoolExecutor(2) as ex:
        f = ex.submit(bad, 2)
        try:
            f.result()
        except ValueError as e:
            print("caught2", e, type(e.__cause__).__name__)
    with Pool(2) as p:
        p.map(bad, range(4))
