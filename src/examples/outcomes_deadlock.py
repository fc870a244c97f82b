# Two threads take the same two locks in opposite orders. Under CPython's schedule the first finishes
# before the second starts, and the program prints "done"; "All outcomes" finds the schedules where
# each holds one lock and waits for the other for ever.
import threading

a = threading.Lock()
b = threading.Lock()


def one():
    return 1


def worker(first, second):
    with first:
        one()  # a switch here lets the other thread take its first lock
        with second:
            one()


threads = [threading.Thread(target=worker, args=pair) for pair in ((a, b), (b, a))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
