# Waiters of a Lock and a Semaphore cancelled at each point of their wait: before they are woken, after they
# are woken but before they run, and while others wait behind them. The lock must pass on as CPython's does.
import asyncio


async def waiter(lock, name, log):
    try:
        async with lock:
            log.append(f"{name} got it")
            await asyncio.sleep(0)
        log.append(f"{name} let go")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def scenario(make, cancel_at):
    lock = make()
    log = []
    await lock.acquire()
    tasks = [asyncio.create_task(waiter(lock, n, log)) for n in "abcd"]
    await asyncio.sleep(0)
    if cancel_at == "waiting":
        tasks[1].cancel()
        lock.release()
    elif cancel_at == "woken":
        lock.release()
        tasks[0].cancel()
    elif cancel_at == "both":
        tasks[2].cancel()
        lock.release()
        tasks[0].cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    kinds = [type(r).__name__ if r is not None else "ok" for r in results]
    waiters = len(lock._waiters) if lock._waiters is not None else None
    print(f"{type(lock).__name__:16} {cancel_at:8} {log} {kinds} locked={lock.locked()} waiters={waiters}")


async def main():
    for make in (asyncio.Lock, lambda: asyncio.Semaphore(1), lambda: asyncio.BoundedSemaphore(1)):
        for cancel_at in ("waiting", "woken", "both"):
            await scenario(make, cancel_at)


asyncio.run(main())
