import asyncio

async def ticker():
    for i in range(8):
        print("  tick", i)
        await asyncio.sleep(0)

async def level(n):
    if n == 0:
        print("deepest level finishing")
        return 0
    inner = asyncio.create_task(level(n - 1))
    value = await inner
    print(f"level {n} resumed")
    return value + 1

async def main():
    tick = asyncio.create_task(ticker())
    print("result", await asyncio.create_task(level(3)))
    await tick

asyncio.run(main())
