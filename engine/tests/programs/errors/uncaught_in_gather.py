import asyncio

async def good():
    await asyncio.sleep(0.2)
    print("good finished")

async def bad():
    await asyncio.sleep(0.05)
    raise KeyError("missing key")

async def main():
    await asyncio.gather(good(), bad())

asyncio.run(main())
