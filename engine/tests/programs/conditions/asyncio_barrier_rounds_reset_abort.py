import asyncio

async def worker(b, i, log):
    for rnd in range(2):
        await asyncio.sleep(0.01 * i)
        print(f"worker {i} round {rnd} arrives, waiting={b.n_waiting}")
        async with b as idx:
            print(f"worker {i} round {rnd} passes with index {idx}")
        log.append((rnd, i))

async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    log = []
    await asyncio.gather(*(worker(b, i, log) for i in range(3)))
    print(log)
    b2 = asyncio.Barrier(2)
    async def waiter():
        try:
            await b2.wait()
        except asyncio.BrokenBarrierError as e:
            print("broken:", e, type(e).__mro__[1].__name__)
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    print(b2.n_waiting)
    await b2.reset()
    await t
    print(b2.broken, b2.n_waiting)
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await b2.abort()
    await t
    print(b2.broken)
    try:
        await b2.wait()
    except asyncio.BrokenBarrierError as e:
        print("after abort:", e)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print(e)
    b3 = asyncio.Barrier(2)
    async def timed():
        try:
            async with asyncio.timeout(0.05):
                await b3.wait()
        except TimeoutError:
            print("timed out, n_waiting", b3.n_waiting)
    await timed()
    print(b3.n_waiting, b3.broken)
    print(asyncio.BrokenBarrierError.__module__)

asyncio.run(main())
