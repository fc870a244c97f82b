# A thread waits on an event that nobody sets.
import threading

ready = threading.Event()


def worker():
    ready.wait()
    print("never")


t = threading.Thread(target=worker)
t.start()
t.join()
