# Threads read a shared counter, sleep (letting the other thread run), and write back: increments are lost.
import threading
import time

counter = 0


def work():
    global counter
    for _ in range(5):
        value = counter
        time.sleep(0.001)
        counter = value + 1


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter < 10)
