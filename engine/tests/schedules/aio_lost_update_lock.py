# outcome: 2
# complete
import asyncio

counter = 0


async def inc(lock):
    global counter
    async with lock:
        v = counter
        await asyncio.sleep(0)
        counter = v + 1


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(inc(lock), inc(lock))
    print(counter)


asyncio.run(main())
