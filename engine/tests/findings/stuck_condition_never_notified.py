# A thread waits on a condition nobody ever notifies; the main thread joins it and waits too.
import threading

ready = threading.Condition()
items = []


def consumer():
    with ready:
        while not items:
            ready.wait()
        print("got", items.pop())


t = threading.Thread(target=consumer)
t.start()
t.join()
