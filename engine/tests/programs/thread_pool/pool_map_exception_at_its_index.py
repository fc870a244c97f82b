# An exception from one call of map() is raised when iteration reaches that input.
from concurrent.futures import ThreadPoolExecutor

def invert(x):
    return 1 / x

with ThreadPoolExecutor(max_workers=2) as pool:
    it = pool.map(invert, [1, 2, 0, 4])
    try:
        for value in it:
            print(value)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
