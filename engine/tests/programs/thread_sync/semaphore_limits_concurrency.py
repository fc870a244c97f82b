# Semaphore(2) lets at most two of five threads into the section at once.
import threading
import time

sem = threading.Semaphore(2)
lock = threading.Lock()
inside = 0
max_inside = 0

def work():
    global inside, max_inside
    with sem:
        with lock:
            inside += 1
            max_inside = max(max_inside, inside)
        time.sleep(0.1)
        with lock:
            inside -= 1

start = time.monotonic()
threads = [threading.Thread(target=work) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("max concurrent:", max_inside)
print("elapsed", round(time.monotonic() - start, 1))
