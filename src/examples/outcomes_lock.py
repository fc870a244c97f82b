# The same two threads, with a Lock around reading and writing the counter: whoever runs first, the
# other waits for the lock, so "All outcomes" finds one result only.
import threading

counter = 0
lock = threading.Lock()


def one():
    return 1


def add():
    global counter
    with lock:
        seen = counter
        counter = seen + one()


threads = [threading.Thread(target=add) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
