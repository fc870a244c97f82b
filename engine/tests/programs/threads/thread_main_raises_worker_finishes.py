# When the main thread dies with an exception, a running non-daemon thread still finishes before exit (status 1).
import threading
import time

def worker():
    time.sleep(0.2)
    print("worker finished after the main thread failed")

threading.Thread(target=worker).start()
print("main about to fail")
raise KeyError("main failure")
