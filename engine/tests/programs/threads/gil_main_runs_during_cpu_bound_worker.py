# The GIL's switch interval lets the main thread run in the middle of a CPU-bound worker's loop.
import threading

log = []

def crunch():
    log.append("worker: start")
    total = 0
    for i in range(2_000_000):
        total += i
    log.append("worker: end")

t = threading.Thread(target=crunch)
t.start()
log.append("main: after start()")
t.join()
print(log)
