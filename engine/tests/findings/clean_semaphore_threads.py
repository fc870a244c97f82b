# A semaphore lets two threads at a time into a section.
import threading
import time

sem = threading.Semaphore(2)
done = []


def work(n):
    with sem:
        time.sleep(0.01)
        done.append(n)


threads = [threading.Thread(target=work, args=(n,)) for n in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done))
