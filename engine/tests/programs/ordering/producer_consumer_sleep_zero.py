import asyncio

async def producer(q):
    for i in range(4):
        await q.put(i)
        print("produced", i)
        await asyncio.sleep(0)
    await q.put(None)

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        print("consumed", item)

async def main():
    q = asyncio.Queue()
    await asyncio.gather(consumer(q), producer(q))

asyncio.run(main())
