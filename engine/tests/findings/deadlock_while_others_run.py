# The deadlock is found when the cycle closes, while another task still runs on.
import asyncio


async def worker(first, second):
    async with first:
        await asyncio.sleep(0.1)
        async with second:
            pass


async def ticker():
    for i in range(3):
        await asyncio.sleep(1)
        print("tick", i)


async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    workers = [asyncio.create_task(worker(a, b)), asyncio.create_task(worker(b, a))]
    await ticker()
    print(len(workers), "workers never finished")


asyncio.run(main())
