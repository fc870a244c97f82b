# current_thread().name inside each thread is that thread's own name.
import threading
import time

def report(delay):
    time.sleep(delay)
    print("I am", threading.current_thread().name)

threads = [
    threading.Thread(target=report, args=(0.1,), name="alpha"),
    threading.Thread(target=report, args=(0.2,), name="beta"),
    threading.Thread(target=report, args=(0.3,)),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("I am", threading.current_thread().name)
