# The GIL lets one thread run Python at a time. CPU-bound work gets no faster in four threads; work that
# waits (I/O, here time.sleep) does, because a waiting thread lets go of the GIL.
import threading
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def wait_for_io(seconds):
    time.sleep(seconds)


def timed(target, args, threads):
    start = time.perf_counter()
    workers = [threading.Thread(target=target, args=args) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start


cpu_one = timed(crunch, (400_000,), 1)
cpu_four = timed(crunch, (100_000,), 4)
print("CPU-bound, same work in 4 threads is not faster:", cpu_four > 0.8 * cpu_one)

io_one = timed(wait_for_io, (0.4,), 1) * 4  # four waits one after another
io_four = timed(wait_for_io, (0.4,), 4)
print("I/O-bound, 4 threads wait at once:", io_four < io_one / 2)
