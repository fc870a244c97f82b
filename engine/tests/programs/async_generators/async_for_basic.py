import asyncio

async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.01)
        yield i

async def main():
    async for value in ticker(4):
        print("tick", value)
    print([v async for v in ticker(3)])

asyncio.run(main())
