import asyncio

async def producer(q):
    for i in range(3):
        print("producer putting", i)
        await q.put(i)
        print("producer put", i)
    await q.put(None)

async def consumer(q):
    while (item := await q.get()) is not None:
        print("consumer got", item)

async def main():
    q = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
