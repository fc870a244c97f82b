import asyncio

async def value(x):
    await asyncio.sleep(0.01)
    return x

async def main():
    print(await asyncio.gather())
    t = asyncio.create_task(value("same"))
    print(await asyncio.gather(t, t, value(1)))
    print(await asyncio.gather(*[value(i) for i in range(5)]))

asyncio.run(main())
