# Threads sleeping different times print in the order they wake up, not the order they started.
import threading
import time

def sleeper(name, seconds):
    time.sleep(seconds)
    print(name, "woke after", seconds)

threads = [threading.Thread(target=sleeper, args=(n, s)) for n, s in (("A", 0.3), ("B", 0.1), ("C", 0.2))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all awake")
