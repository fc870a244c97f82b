import asyncio

async def worker(name, steps):
    for i in range(steps):
        print(f"{name}{i}")
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(worker("a", 3), worker("b", 2), worker("c", 4))

asyncio.run(main())
