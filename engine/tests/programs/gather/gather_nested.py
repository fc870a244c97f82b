import asyncio

async def leaf(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    inner1 = asyncio.gather(leaf("a", 0.1), leaf("b", 0.05))
    inner2 = asyncio.gather(leaf("c", 0.02), leaf("d", 0.08))
    print(await asyncio.gather(inner1, inner2, leaf("e", 0.01)))

asyncio.run(main())
