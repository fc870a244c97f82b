# Each task reads the counter, yields to the loop, and writes back what it read plus one.
import asyncio

counter = 0


async def worker():
    global counter
    for _ in range(3):
        value = counter
        await asyncio.sleep(0)
        counter = value + 1


async def main():
    await asyncio.gather(worker(), worker())
    print("counter", counter)


asyncio.run(main())
