# An exception raised by a function given to map() reaches the caller uncaught.
from concurrent.futures import ThreadPoolExecutor

def parse(text):
    return int(text)

with ThreadPoolExecutor(max_workers=2) as pool:
    for n in pool.map(parse, ["1", "2", "three"]):
        print(n)
