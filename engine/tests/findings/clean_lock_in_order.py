# Locks taken in the same order by everyone, and released: no deadlock.
import asyncio

counter = 0


async def worker(a, b):
    global counter
    for _ in range(3):
        async with a:
            async with b:
                value = counter
                await asyncio.sleep(0.01)
                counter = value + 1


async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(*(worker(a, b) for _ in range(4)))
    print(counter)


asyncio.run(main())
