import asyncio

async def worker(name, delay, count):
    for i in range(count):
        await asyncio.sleep(delay)
        print(f"{name} step {i}")

async def main():
    await asyncio.gather(worker("fast", 0.2, 4), worker("slow", 0.5, 2))

asyncio.run(main())
