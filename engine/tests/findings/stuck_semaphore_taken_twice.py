# A thread takes a one-slot semaphore, then calls a helper that takes it again: nobody is left to release it.
import threading

slot = threading.Semaphore(1)


def helper():
    with slot:
        print("helper")


def worker():
    with slot:
        helper()


t = threading.Thread(target=worker)
t.start()
t.join()
