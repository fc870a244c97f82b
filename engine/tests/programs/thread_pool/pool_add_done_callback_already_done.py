# A callback added to a finished future is called at once, in the thread that adds it.
import threading
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(max_workers=1) as pool:
    future = pool.submit(lambda: "ready")
    future.result()
    print("adding callback")
    future.add_done_callback(lambda f: print("callback:", f.result(), "in", threading.current_thread().name))
    print("added")
