# A wait that times out breaks the barrier; reset() makes it usable again.
import threading

barrier = threading.Barrier(2)
try:
    barrier.wait(timeout=0.1)
except threading.BrokenBarrierError:
    print("timed out: BrokenBarrierError")
print("broken:", barrier.broken)
barrier.reset()
print("after reset broken:", barrier.broken)
t = threading.Thread(target=barrier.wait)
t.start()
print("index:", barrier.wait() in (0, 1))
t.join()
