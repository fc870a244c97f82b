# time.sleep inside a coroutine holds the whole event loop.
import asyncio
import time


async def slow():
    print("slow starts")
    time.sleep(1)
    print("slow ends")


async def fast():
    for i in range(3):
        print("fast", i)
        await asyncio.sleep(0.1)


async def main():
    await asyncio.gather(slow(), fast())


asyncio.run(main())
