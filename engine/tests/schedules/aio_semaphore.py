# outcome: 2
# complete
import asyncio

counter = 0


async def inc(sem):
    global counter
    async with sem:
        v = counter
        await asyncio.sleep(0)
        counter = v + 1


async def main():
    sem = asyncio.Semaphore(1)
    await asyncio.gather(inc(sem), inc(sem))
    print(counter)


asyncio.run(main())
