# The synchronisation primitives used plainly, through subclasses that override their helpers, and called in
# ways that are not an immediate await: every path must behave as CPython's asyncio does.
import asyncio


class LoudLock(asyncio.Lock):
    def _wake_up_first(self):
        print("  LoudLock wakes its first waiter")
        super()._wake_up_first()


class CountingQueue(asyncio.Queue):
    def _put(self, item):
        print("  CountingQueue puts", item)
        super()._put(item)


class AskingSemaphore(asyncio.Semaphore):
    def locked(self):
        answer = super().locked()
        print("  AskingSemaphore.locked ->", answer)
        return answer


async def holder(lock, name, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0)
        log.append(f"{name} out")


async def main():
    # sleep: its value, with and without a result, zero and negative and float delays.
    print("sleep(0) ->", await asyncio.sleep(0))
    print("sleep(0, 'r') ->", await asyncio.sleep(0, "r"))
    print("sleep(-1) ->", await asyncio.sleep(-1))
    print("sleep(0.0, 7) ->", await asyncio.sleep(0.0, 7))
    print("sleep(False) ->", await asyncio.sleep(False))
    print("sleep(0.001, 'later') ->", await asyncio.sleep(0.001, "later"))
    try:
        await asyncio.sleep("soon")
    except TypeError as e:
        print("sleep('soon'):", e)

    # A coroutine made but not awaited at once does nothing until it runs.
    q = asyncio.Queue(maxsize=1)
    pending_put = q.put("a")
    print("qsize before the put runs:", q.qsize(), q.empty(), q.full())
    await pending_put
    print("qsize after:", q.qsize(), q.empty(), q.full())
    print("get_nowait:", q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull")
    task = asyncio.create_task(q.get())
    print("task result:", await task)
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("task_done:", e)
    await q.join()
    print("joined")

    # A subclass's own _put runs.
    cq = CountingQueue()
    await cq.put(1)
    cq.put_nowait(2)
    print("CountingQueue:", await cq.get(), cq.get_nowait())

    # Locks: plain, and with an overridden _wake_up_first.
    for lock in (asyncio.Lock(), LoudLock()):
        log = []
        await asyncio.gather(*(holder(lock, n, log) for n in "xyz"))
        print(type(lock).__name__, log, lock.locked())
        print("acquire ->", await lock.acquire(), lock.locked())
        lock.release()
        try:
            lock.release()
        except RuntimeError as e:
            print("release:", e)
        t = asyncio.create_task(lock.acquire())
        await asyncio.sleep(0)
        print("acquired by a task:", t.result(), lock.locked())
        lock.release()

    # Events.
    ev = asyncio.Event()
    waiters = [asyncio.create_task(ev.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    print("is_set:", ev.is_set())
    ev.set()
    ev.set()
    print("waiters:", await asyncio.gather(*waiters), ev.is_set())
    print("wait on a set event:", await ev.wait())
    ev.clear()
    print("cleared:", ev.is_set())

    # Semaphores, bounded ones, and a subclass whose own locked() is asked.
    sem = asyncio.Semaphore(2)
    print(await sem.acquire(), await sem.acquire(), sem.locked())
    later = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    await asyncio.sleep(0)
    print("third acquired:", later.result(), sem.locked(), sem._value)
    sem.release()
    sem.release()
    print("value:", sem._value, sem.locked())
    bsem = asyncio.BoundedSemaphore(1)
    async with bsem:
        print("in the bounded semaphore:", bsem.locked())
    try:
        bsem.release()
    except ValueError as e:
        print("BoundedSemaphore:", e)
    try:
        async with bsem:
            bsem.release()
    except ValueError as e:
        print("released inside the block:", e)
    asking = AskingSemaphore(1)
    print("AskingSemaphore acquire:", await asking.acquire(), asking._value)
    asking.release()
    async with asking:
        print("in the AskingSemaphore:", asking._value)


asyncio.run(main())
