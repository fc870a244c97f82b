# asyncio.timeout cancels a slow await; the program goes on.
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out")
    await asyncio.sleep(0.05)
    print("after")


asyncio.run(main())
