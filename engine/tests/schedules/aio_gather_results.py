# outcome: [1, 2]
# complete
import asyncio


async def value(v):
    await asyncio.sleep(0)
    return v


async def main():
    print(await asyncio.gather(value(1), value(2)))


asyncio.run(main())
