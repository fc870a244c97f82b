# acquire(timeout=0.1) gives up with False while another thread holds the lock for 1 s; acquire() then waits.
import threading
import time

lock = threading.Lock()
held = threading.Event()

def holder():
    with lock:
        held.set()
        time.sleep(1)
        print("holder releasing")

start = time.monotonic()
threading.Thread(target=holder).start()
held.wait()
print("acquire(timeout=0.1):", lock.acquire(timeout=0.1), round(time.monotonic() - start, 1))
print("acquire():", lock.acquire(), round(time.monotonic() - start, 1))
lock.release()
