# A thread blocked on a lock proceeds only after the holder releases it.
import threading
import time

lock = threading.Lock()

def first():
    with lock:
        print("first: got the lock")
        time.sleep(0.2)
        print("first: releasing")

def second():
    time.sleep(0.05)
    print("second: waiting for the lock")
    with lock:
        print("second: got the lock")

threads = [threading.Thread(target=first), threading.Thread(target=second)]
for t in threads:
    t.start()
for t in threads:
    t.join()
