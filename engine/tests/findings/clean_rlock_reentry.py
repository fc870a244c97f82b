# An RLock may be taken again by the thread that holds it.
import threading

lock = threading.RLock()


def outer():
    with lock:
        inner()


def inner():
    with lock:
        print("inner holds it too")


t = threading.Thread(target=outer)
t.start()
t.join()
