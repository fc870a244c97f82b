# The same read, await and write as a lost update, but under one lock: nothing is lost.
import asyncio

counter = 0


async def worker(lock):
    global counter
    for _ in range(3):
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker(lock), worker(lock))
    print("counter", counter)


asyncio.run(main())
