import asyncio

async def child(n):
    await asyncio.sleep(0.1 * n)
    return n

async def main():
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(2))
    g = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0.05)
    t2.cancel()
    print(await g)

    t3 = asyncio.create_task(child(1))
    t4 = asyncio.create_task(child(2))
    g2 = asyncio.gather(t3, t4)
    await asyncio.sleep(0.05)
    t3.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print("gather raised CancelledError, done:", g2.done(), "t4 done:", t4.done())
    print(await t4)

asyncio.run(main())
