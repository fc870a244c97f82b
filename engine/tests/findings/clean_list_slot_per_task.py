# Each task writes only its own slot of a shared list: nothing is shared, nothing is lost.
import asyncio

results = [0] * 4


async def work(i):
    value = results[i]
    await asyncio.sleep(0.01 * (4 - i))
    results[i] = value + i * i


async def main():
    await asyncio.gather(*(work(i) for i in range(4)))
    print(results)


asyncio.run(main())
