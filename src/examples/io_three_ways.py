# The same I/O-bound job three ways: four waits of a second each, as four asyncio tasks, four threads and
# four processes. Waiting needs no CPU, so all three overlap the waits (one after another: 4 s); asyncio
# does it with one thread.
import asyncio
import time
from multiprocessing import Process
from threading import Thread


def wait_for_io():
    time.sleep(1)  # a download, a query: the thread waits off the GIL


async def wait_task():
    await asyncio.sleep(1)


async def four_tasks():
    await asyncio.gather(*(wait_task() for _ in range(4)))


def four_workers(kind):
    workers = [kind(target=wait_for_io) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def timed(job, *args):
    start = time.perf_counter()
    job(*args)
    return f"{time.perf_counter() - start:.0f} s"


if __name__ == "__main__":
    print("4 asyncio tasks:", timed(asyncio.run, four_tasks()))
    print("4 threads:      ", timed(four_workers, Thread))
    print("4 processes:    ", timed(four_workers, Process))
