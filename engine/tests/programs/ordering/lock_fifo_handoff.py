import asyncio

async def worker(lock, name):
    print(name, "wants the lock")
    async with lock:
        print(name, "acquired")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(name, "releasing")
    print(name, "released")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(worker(lock, n) for n in ["a", "b", "c"]))

asyncio.run(main())
