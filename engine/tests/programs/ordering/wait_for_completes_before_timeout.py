import asyncio

async def work(name, yields):
    for _ in range(yields):
        await asyncio.sleep(0)
    print(name, "finished")
    return name

async def ticker():
    for i in range(5):
        print("  tick", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(ticker())
    print(await asyncio.wait_for(work("job", 2), timeout=1))
    await t

asyncio.run(main())
