# result() re-raises the exception raised by the submitted function.
from concurrent.futures import ThreadPoolExecutor

def load(path):
    raise FileNotFoundError(f"no such file: {path}")

with ThreadPoolExecutor(max_workers=1) as pool:
    future = pool.submit(load, "settings.ini")
    print("submitted")
    future.result()
