# outcome: 1
# outcome: 2
# preemptions: 1
import threading

counter = 0


def work():
    return 1


def inc():
    global counter
    v = counter
    counter = v + work()


ts = [threading.Thread(target=inc) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
