# Workers that sleep the same time a few instructions apart wake in the same loop iteration (Linux epoll
# waits in whole milliseconds), so every "done" prints before the workers waiting on the semaphore get in.
import asyncio


async def worker(name, sem):
    async with sem:
        print(f"{name} acquired")
        await asyncio.sleep(2)
        print(f"{name} done")
    print(f"{name} released")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(f"w{i}", sem) for i in range(5)))


asyncio.run(main())
