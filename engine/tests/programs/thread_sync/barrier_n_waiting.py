# n_waiting counts the threads blocked at the barrier; it drops to 0 when the last party arrives.
import threading
import time

barrier = threading.Barrier(3)

def party():
    barrier.wait()

threads = [threading.Thread(target=party) for _ in range(2)]
for t in threads:
    t.start()
time.sleep(0.1)
print("waiting:", barrier.n_waiting)
barrier.wait()
for t in threads:
    t.join()
print("waiting:", barrier.n_waiting, "broken:", barrier.broken)
