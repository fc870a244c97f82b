# A thread waits for an event the main thread sets.
import threading
import time

ready = threading.Event()


def worker():
    ready.wait()
    print("worker goes")


t = threading.Thread(target=worker)
t.start()
time.sleep(0.1)
ready.set()
t.join()
