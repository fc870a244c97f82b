# Two tasks take two locks in opposite orders: each holds one and waits for the other.
import asyncio


async def worker(name, first, second):
    async with first:
        await asyncio.sleep(0.1)
        async with second:
            print(name, "got both")


async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(worker("w1", a, b), worker("w2", b, a))


asyncio.run(main())
