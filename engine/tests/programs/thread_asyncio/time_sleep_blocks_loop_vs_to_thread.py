# time.sleep in a coroutine freezes the loop's ticker; the same sleep in to_thread lets it keep ticking.
import asyncio
import time

async def ticker(start):
    for _ in range(3):
        print("  tick at", round(time.monotonic() - start, 1))
        await asyncio.sleep(0.1)

async def blocking_inline():
    time.sleep(0.3)

async def main():
    start = time.monotonic()
    print("time.sleep inside a coroutine:")
    await asyncio.gather(ticker(start), blocking_inline())
    print("done at", round(time.monotonic() - start, 1))

    start = time.monotonic()
    print("time.sleep in asyncio.to_thread:")
    await asyncio.gather(ticker(start), asyncio.to_thread(time.sleep, 0.25))
    print("done at", round(time.monotonic() - start, 1))

asyncio.run(main())
