# Timers started together fire in order of their intervals.
import threading

timers = [threading.Timer(d, print, args=(f"timer {d}",)) for d in (0.3, 0.1, 0.2)]
for t in timers:
    t.start()
for t in timers:
    t.join()
print("all fired")
