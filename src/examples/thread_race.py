# Four threads add to one counter. With a call between reading and writing it, the GIL can change hands
# in between, and updates are lost; a Lock makes read-and-write one step.
import sys
import threading

sys.setswitchinterval(0.0005)  # switch threads often, so the race shows quickly
counter = 0


def one():
    return 1


def add_unsafely(times):
    global counter
    for _ in range(times):
        counter = counter + one()  # read, call (a switch point), write


lock = threading.Lock()


def add_safely(times):
    global counter
    for _ in range(times):
        with lock:
            counter = counter + one()


def race(worker):
    global counter
    counter = 0
    threads = [threading.Thread(target=worker, args=(20_000,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


print("without a lock, updates were lost:", race(add_unsafely) < 80_000)
print("with a lock:", race(add_safely), "(expected 80000)")
