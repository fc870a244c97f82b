import asyncio

async def main():
    async with asyncio.timeout(0.05):
        await asyncio.sleep(1)

asyncio.run(main())
