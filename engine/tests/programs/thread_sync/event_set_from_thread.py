# A worker sets an Event after 0.2 s; the main thread's wait returns True at that moment.
import threading
import time

ev = threading.Event()
start = time.monotonic()
threading.Timer(0.2, ev.set).start()
print("wait:", ev.wait(5), "after", round(time.monotonic() - start, 1))
