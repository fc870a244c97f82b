# A thread takes a plain Lock it already holds: it waits for itself forever.
import threading

lock = threading.Lock()


def update():
    with lock:
        helper()


def helper():
    with lock:
        print("never")


t = threading.Thread(target=update)
t.start()
t.join()
