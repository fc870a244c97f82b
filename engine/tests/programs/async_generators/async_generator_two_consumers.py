import asyncio

async def numbers(name, delay):
    for i in range(3):
        await asyncio.sleep(delay)
        yield f"{name}{i}"

async def consume(name, delay):
    async for item in numbers(name, delay):
        print(item)

async def main():
    await asyncio.gather(consume("a", 0.2), consume("b", 0.25))

asyncio.run(main())
