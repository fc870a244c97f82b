# abort() breaks the barrier: every waiting thread gets BrokenBarrierError.
import threading
import time

barrier = threading.Barrier(3)
outcomes = []

def party(name):
    try:
        barrier.wait()
        outcomes.append(name + " passed")
    except threading.BrokenBarrierError:
        outcomes.append(name + " broken")

threads = [threading.Thread(target=party, args=(n,)) for n in ("a", "b")]
for t in threads:
    t.start()
time.sleep(0.1)
barrier.abort()
for t in threads:
    t.join()
print(sorted(outcomes))
print("broken:", barrier.broken)
