# A consumer thread waits on a condition until the producer has put an item.
import threading

cond = threading.Condition()
items = []


def consumer():
    with cond:
        cond.wait_for(lambda: items)
        print("got", items.pop())


t = threading.Thread(target=consumer)
t.start()
with cond:
    items.append(42)
    cond.notify()
t.join()
