# The interpreter waits for non-daemon threads at exit, so a worker prints after the main thread's last line.
import threading
import time

def worker():
    time.sleep(0.2)
    print("worker done")

threading.Thread(target=worker).start()
print("main thread reached the end")
