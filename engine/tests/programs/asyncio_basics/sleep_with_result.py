import asyncio

async def main():
    value = await asyncio.sleep(0.05, result="slept")
    print(value)
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(0, "zero"))

asyncio.run(main())
