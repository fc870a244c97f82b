import asyncio

async def producer(queue):
    for i in range(5):
        await queue.put(i)
        print(f"put {i} (size={queue.qsize()})")

async def consumer(queue):
    for _ in range(5):
        await asyncio.sleep(0.05)
        item = await queue.get()
        print(f"got {item}")

async def main():
    queue = asyncio.Queue(maxsize=2)
    print(queue.maxsize, queue.full())
    await asyncio.gather(producer(queue), consumer(queue))

asyncio.run(main())
