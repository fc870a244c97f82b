# Two threads add 1 to a counter: each reads it, calls a function (where the GIL may change hands), then
# writes. CPython prints 2 here, but another schedule prints 1. Choose "Manual" as the scheduler and pick
# who runs at each choice to make it print 1, or press "All outcomes" to see every result.
import threading

counter = 0


def one():
    return 1


def add():
    global counter
    seen = counter
    counter = seen + one()  # a switch here loses the other thread's update


threads = [threading.Thread(target=add) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
