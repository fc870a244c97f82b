import asyncio

async def main():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
            print("not printed")
    except TimeoutError:
        print("operation timed out")

    async with asyncio.timeout(1):
        await asyncio.sleep(0.05)
        print("finished in time")

    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when())
        await asyncio.sleep(0.01)
    print("expired:", cm.expired())

asyncio.run(main())
