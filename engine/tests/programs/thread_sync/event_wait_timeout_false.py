# Event.wait(timeout) returns False when the event is not set in time.
import threading
import time

ev = threading.Event()
start = time.monotonic()
print("wait(0.2):", ev.wait(0.2))
print("elapsed", round(time.monotonic() - start, 1))
