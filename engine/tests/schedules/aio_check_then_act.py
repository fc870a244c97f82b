# outcome: 1
# outcome: 2
# complete
import asyncio

cache = []


async def fill(x):
    if not cache:
        await asyncio.sleep(0)
        cache.append(x)


async def main():
    await asyncio.gather(fill(1), fill(2))
    print(len(cache))


asyncio.run(main())
