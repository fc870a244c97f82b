import asyncio

async def counter(name, n):
    for i in range(n):
        yield f"{name}{i}"
        await asyncio.sleep(0)

async def consume(name, n):
    async for item in counter(name, n):
        print(item)

async def main():
    await asyncio.gather(consume("x", 3), consume("y", 3))

asyncio.run(main())
