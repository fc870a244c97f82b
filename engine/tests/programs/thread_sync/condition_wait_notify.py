# Condition.wait() releases the lock until notify(); the waiter then sees the shared state.
import threading
import time

cond = threading.Condition()
box = []

def consumer():
    with cond:
        while not box:
            print("consumer: waiting")
            cond.wait()
        print("consumer: got", box.pop())

def producer():
    time.sleep(0.1)
    with cond:
        box.append("parcel")
        print("producer: notify")
        cond.notify()

threads = [threading.Thread(target=consumer), threading.Thread(target=producer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
