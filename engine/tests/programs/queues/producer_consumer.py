import asyncio

async def producer(queue, n):
    for i in range(n):
        await asyncio.sleep(0.1)
        await queue.put(i)
        print("produced", i)
    await queue.put(None)

async def consumer(queue):
    while True:
        item = await queue.get()
        if item is None:
            break
        print("consumed", item)
        await asyncio.sleep(0.25)

async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue, 4), consumer(queue))
    print("queue empty:", queue.empty())

asyncio.run(main())
