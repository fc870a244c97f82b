# The same CPU-bound job three ways. Four asyncio tasks run one at a time on one thread; four threads take
# turns on the GIL; four processes each have their own GIL and run side by side, one a core.
import asyncio
from multiprocessing import Process
from threading import Thread


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def crunch_task(n):
    crunch(n)  # never awaits, so the other tasks wait for it


async def four_tasks(n):
    await asyncio.gather(*(crunch_task(n) for _ in range(4)))


def four_workers(kind, n):
    workers = [kind(target=crunch, args=(n,)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


if __name__ == "__main__":
    n = 200_000  # each worker's share
    # How long each way takes depends on the machine's free cores and load, so it is not printed; on the
    # timeline, the tasks and the threads take as long as one worker doing it all, and the processes, on the
    # page's 4 simulated cores (os.cpu_count()), about a quarter of that.
    asyncio.run(four_tasks(n))
    print("4 asyncio tasks: done, one at a time")
    four_workers(Thread, n)
    print("4 threads: done, taking turns on the GIL")
    four_workers(Process, n)
    print("4 processes: done, side by side")
