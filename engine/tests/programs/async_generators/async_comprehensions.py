import asyncio

async def square(x):
    await asyncio.sleep(0.01 * x)
    return x * x

async def agen():
    for i in range(5):
        yield i

async def main():
    print([await square(i) for i in range(4)])
    print({i: i * 10 async for i in agen() if i % 2})
    print([x async for x in agen()][::-1])

asyncio.run(main())
