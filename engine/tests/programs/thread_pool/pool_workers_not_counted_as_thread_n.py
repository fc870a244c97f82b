# Pool workers have their own names, so they do not use up the Thread-N counter.
import threading
from concurrent.futures import ThreadPoolExecutor

print(threading.Thread().name)
with ThreadPoolExecutor(max_workers=2) as pool:
    pool.submit(print, "task ran")
print(threading.Thread().name)
