import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(1)
    elapsed = loop.time() - t0
    print(round(elapsed), elapsed >= 1)
    t1 = loop.time()
    await asyncio.gather(asyncio.sleep(0.5), asyncio.sleep(2), asyncio.sleep(1))
    print(round(loop.time() - t1))

asyncio.run(main())
