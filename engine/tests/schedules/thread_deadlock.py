# outcome: done
# outcome: ! deadlock
# preemptions: 1
import threading

a = threading.Lock()
b = threading.Lock()


def work():
    return 1


def worker(first, second):
    with first:
        work()
        with second:
            work()


ts = [threading.Thread(target=worker, args=p) for p in ((a, b), (b, a))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("done")
