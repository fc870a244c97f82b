# A task takes the only slot of a semaphore and never gives it back.
import asyncio


async def greedy(sem):
    await sem.acquire()
    print("greedy holds it")


async def polite(sem):
    await asyncio.sleep(0.1)
    async with sem:
        print("never")


async def main():
    sem = asyncio.Semaphore(1)
    await asyncio.gather(greedy(sem), polite(sem))


asyncio.run(main())
