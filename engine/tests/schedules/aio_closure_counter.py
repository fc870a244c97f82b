# outcome: 1
# outcome: 2
# complete
import asyncio


async def main():
    count = 0

    async def inc():
        nonlocal count
        v = count
        await asyncio.sleep(0)
        count = v + 1

    await asyncio.gather(inc(), inc())
    print(count)


asyncio.run(main())
