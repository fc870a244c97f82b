import asyncio

async def main():
    print("before")
    asyncio.sleep(1)
    print("after: no pause happened")

asyncio.run(main())
