import asyncio

async def worker(sem, name):
    print(name, "waiting")
    async with sem:
        print(name, "inside")
        await asyncio.sleep(0)
        print(name, "leaving")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(sem, f"t{i}") for i in range(5)))

asyncio.run(main())
