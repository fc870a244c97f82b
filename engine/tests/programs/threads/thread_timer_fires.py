# threading.Timer calls its function with args after the interval, in its own thread.
import threading
import time

def ring(who):
    print("ring for", who, "in", threading.current_thread().name)

start = time.monotonic()
t = threading.Timer(0.2, ring, args=("alice",))
t.start()
print("timer started")
t.join()
print("elapsed", round(time.monotonic() - start, 1))
