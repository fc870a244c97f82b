# A bounded queue slows the producer to the consumer's pace; a sentinel ends the consumer.
import asyncio


async def producer(q):
    for i in range(5):
        await q.put(i)
        print("put", i)
    await q.put(None)


async def consumer(q):
    while (item := await q.get()) is not None:
        await asyncio.sleep(0.01)
        print("got", item)


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))


asyncio.run(main())
