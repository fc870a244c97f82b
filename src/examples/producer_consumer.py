import asyncio


async def producer(queue):
    for item in range(6):
        await asyncio.sleep(0.1)
        await queue.put(item)  # waits while the queue is full
        print(f"produced {item} (queue size {queue.qsize()})")
    await queue.put(None)  # tell the consumer there is no more


async def consumer(queue):
    while True:
        item = await queue.get()  # waits while the queue is empty
        if item is None:
            break
        await asyncio.sleep(0.25)  # slower than the producer
        print(f"consumed {item}")


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), consumer(queue))
    print("all consumed")


asyncio.run(main())
