# Under the GIL a new thread runs its first statement before start() returns to the caller.
import threading

log = []

def worker():
    log.append("worker: first statement")

t = threading.Thread(target=worker)
t.start()
log.append("main: after start()")
t.join()
print(log)
