# add_done_callback() calls the callback with the future once it finishes.
import time
from concurrent.futures import ThreadPoolExecutor

def work():
    time.sleep(0.1)
    return 99

def on_done(fut):
    print("callback got", fut.result(), "same future:", fut is future)

with ThreadPoolExecutor(max_workers=1) as pool:
    future = pool.submit(work)
    future.add_done_callback(on_done)
    print("callback registered")
print("pool closed")
