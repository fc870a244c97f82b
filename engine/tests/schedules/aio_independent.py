# outcome: [3, 30, 300]
# complete
import asyncio


async def work(step):
    total = 0
    for _ in range(3):
        total += step
        await asyncio.sleep(0)
    return total


async def main():
    print(await asyncio.gather(work(1), work(10), work(100)))


asyncio.run(main())
