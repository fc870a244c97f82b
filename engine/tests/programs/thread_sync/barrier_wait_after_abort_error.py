# Waiting on an aborted barrier raises BrokenBarrierError at once.
import threading

barrier = threading.Barrier(2)
barrier.abort()
print("aborted")
barrier.wait()
