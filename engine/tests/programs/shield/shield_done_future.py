import asyncio

async def value():
    return "v"

async def main():
    t = asyncio.create_task(value())
    await t
    s = asyncio.shield(t)
    print(s is t, await s)
    print(await asyncio.shield(value()))

asyncio.run(main())
