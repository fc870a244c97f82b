import asyncio

async def failing():
    await asyncio.sleep(0)
    print("failing raises")
    raise ValueError("bad")

async def ticker():
    for i in range(4):
        print("  tick", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(ticker())
    try:
        await asyncio.create_task(failing())
    except ValueError as e:
        print("main caught", e)
    await t

asyncio.run(main())
