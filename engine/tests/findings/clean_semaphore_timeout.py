# A semaphore limits concurrency; a timeout cancels a slow call; all awaited.
import asyncio


async def fetch(sem, i):
    async with sem:
        await asyncio.sleep(0.05 * i)
        return i


async def main():
    sem = asyncio.Semaphore(2)
    print(await asyncio.gather(*(fetch(sem, i) for i in range(5))))
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.1)
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
