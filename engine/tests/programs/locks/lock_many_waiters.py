# Tasks queue on a Lock and on a Semaphore: they get it in the order they asked, waiters cancelled in the middle
# of the queue leave the others' order alone, and the waiters are kept in a deque, as in CPython.
import asyncio

order = []


async def worker(name, lock):
    async with lock:
        order.append(name)
        await asyncio.sleep(0)


async def main():
    for make in (asyncio.Lock, lambda: asyncio.Semaphore(2)):
        lock = make()
        order.clear()
        tasks = [asyncio.create_task(worker(i, lock)) for i in range(8)]
        await asyncio.sleep(0)
        print(type(lock).__name__, type(lock._waiters).__name__, len(lock._waiters))
        tasks[4].cancel()
        tasks[5].cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        print(order, [type(r).__name__ for r in results])
        print(len(lock._waiters), lock.locked())


asyncio.run(main())
