# Five threads queue on a lock the main thread holds; each release lets the next one in, in arrival order,
# and two holders in a row leave the main thread waiting until the second lets go.
import threading
import time

lock = threading.Lock()
order = []


def worker(n):
    with lock:
        order.append(n)
        time.sleep(0.01)


lock.acquire()
threads = [threading.Thread(target=worker, args=(n,)) for n in range(5)]
for t in threads:
    t.start()
    time.sleep(0.01)
start = time.monotonic()
lock.release()
time.sleep(0.001)
print("main acquires again:", lock.acquire(), "after every holder:", time.monotonic() - start >= 0.045)
print(order)
lock.release()
for t in threads:
    t.join()
print(order)
