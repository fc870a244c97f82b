import asyncio

async def ticker():
    for i in range(6):
        print("  tick", i)
        await asyncio.sleep(0)

async def child(name, yields):
    for _ in range(yields):
        await asyncio.sleep(0)
    print(name, "done")
    return name

async def main():
    t = asyncio.create_task(ticker())
    print(await asyncio.gather(child("x", 2), child("y", 0)))
    await t

asyncio.run(main())
