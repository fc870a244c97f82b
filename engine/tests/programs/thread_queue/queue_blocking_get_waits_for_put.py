# get() blocks until another thread puts an item.
import queue
import threading
import time

q = queue.Queue()

def consumer():
    print("consumer: waiting")
    print("consumer: got", q.get())

t = threading.Thread(target=consumer)
t.start()
time.sleep(0.2)
print("main: put")
q.put("late item")
t.join()
