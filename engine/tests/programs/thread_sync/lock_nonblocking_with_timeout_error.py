# A timeout together with blocking=False is rejected with ValueError.
import threading

lock = threading.Lock()
lock.acquire(blocking=False, timeout=1)
