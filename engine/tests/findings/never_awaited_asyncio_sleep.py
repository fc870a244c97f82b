# asyncio.sleep without await sleeps not at all.
import asyncio
import time


async def main():
    start = time.monotonic()
    asyncio.sleep(0.5)
    print(round(time.monotonic() - start, 1))


asyncio.run(main())
