# After Event.set() the setting thread keeps the GIL and runs on before the woken waiter.
import threading
import time

ev = threading.Event()
log = []

def waiter():
    ev.wait()
    log.append("waiter woke")

t = threading.Thread(target=waiter)
t.start()
time.sleep(0.05)
ev.set()
log.append("main after set")
t.join()
print(log)
