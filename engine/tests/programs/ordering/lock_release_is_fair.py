import asyncio

async def greedy(lock, name, rounds):
    for i in range(rounds):
        async with lock:
            print(name, "has the lock, round", i)
            await asyncio.sleep(0)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(greedy(lock, "a", 3), greedy(lock, "b", 3))

asyncio.run(main())
