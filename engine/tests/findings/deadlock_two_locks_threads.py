# The classic: two threads take two locks in opposite orders.
import threading
import time

a, b = threading.Lock(), threading.Lock()


def worker(first, second):
    with first:
        time.sleep(0.1)
        with second:
            print("both")


t1 = threading.Thread(target=worker, args=(a, b))
t2 = threading.Thread(target=worker, args=(b, a))
t1.start()
t2.start()
t1.join()
t2.join()
