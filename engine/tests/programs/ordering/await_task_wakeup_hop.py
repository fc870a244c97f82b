import asyncio

async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0)

async def child():
    print("child runs")
    await asyncio.sleep(0)
    print("child finishing")
    return "child value"

async def main():
    t = asyncio.create_task(ticker())
    c = asyncio.create_task(child())
    print("main awaits child")
    print("main got", await c)
    await t

asyncio.run(main())
