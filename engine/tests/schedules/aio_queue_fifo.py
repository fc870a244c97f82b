# outcome: 1 / 2 / 3
# complete
import asyncio


async def producer(q):
    for i in (1, 2, 3):
        await q.put(i)
        await asyncio.sleep(0)


async def consumer(q):
    for _ in range(3):
        print(await q.get())


async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))


asyncio.run(main())
