# outcome: done
# outcome: ! deadlock
# complete
import asyncio


async def worker(first, second):
    async with first:
        await asyncio.sleep(0)
        async with second:
            pass


async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(worker(a, b), worker(b, a))
    print("done")


asyncio.run(main())
