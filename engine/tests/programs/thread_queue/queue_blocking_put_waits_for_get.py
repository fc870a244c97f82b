# put() on a full queue blocks until another thread takes an item.
import queue
import threading
import time

q = queue.Queue(maxsize=1)
q.put("first")

def producer():
    print("producer: putting second (queue full)")
    q.put("second")
    print("producer: second is in")

t = threading.Thread(target=producer)
t.start()
time.sleep(0.2)
print("main: taking one item")
first = q.get()
t.join()
print("main: took", first, "then", q.get())
