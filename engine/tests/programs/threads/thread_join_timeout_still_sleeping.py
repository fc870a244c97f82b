# join(timeout) returns None after the timeout while the thread is still sleeping; a later join() waits for it.
import threading
import time

def sleeper():
    time.sleep(0.5)
    print("sleeper woke up")

t = threading.Thread(target=sleeper)
start = time.monotonic()
t.start()
print("join(0.1) returned", t.join(timeout=0.1))
print("alive after timed join:", t.is_alive(), round(time.monotonic() - start, 1))
t.join()
print("alive after full join:", t.is_alive(), round(time.monotonic() - start, 1))
