# A bounded buffer built on Condition: the producer waits when full, the consumer when empty.
import threading

cond = threading.Condition()
buffer = []
CAPACITY = 2
received = []

def producer():
    for i in range(6):
        with cond:
            cond.wait_for(lambda: len(buffer) < CAPACITY)
            buffer.append(i)
            cond.notify_all()
    with cond:
        cond.wait_for(lambda: len(buffer) < CAPACITY)
        buffer.append(None)
        cond.notify_all()

def consumer():
    while True:
        with cond:
            cond.wait_for(lambda: buffer)
            item = buffer.pop(0)
            cond.notify_all()
        if item is None:
            break
        received.append(item)

threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("received in order:", received)
