import asyncio

async def forever():
    await asyncio.sleep(10)

async def main():
    print("waiting")
    await asyncio.wait_for(forever(), timeout=0.05)

asyncio.run(main())
