# Joining each thread before starting the next serialises them; starting all first lets them overlap.
import threading
import time

def task():
    time.sleep(0.3)

start = time.monotonic()
for _ in range(2):
    t = threading.Thread(target=task)
    t.start()
    t.join()
print("one after another:", round(time.monotonic() - start, 1))

start = time.monotonic()
threads = [threading.Thread(target=task) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("side by side:", round(time.monotonic() - start, 1))
