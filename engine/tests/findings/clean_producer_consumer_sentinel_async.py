# A producer puts items and a sentinel; the consumer stops at the sentinel.
import asyncio


async def producer(q):
    for i in range(3):
        await q.put(i)
        await asyncio.sleep(0.01)
    await q.put(None)


async def consumer(q):
    while (item := await q.get()) is not None:
        print("consumed", item)


async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))


asyncio.run(main())
