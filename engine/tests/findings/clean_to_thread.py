# Blocking work moved off the event loop with to_thread: the loop keeps running.
import asyncio
import time


def blocking(n):
    time.sleep(0.2)
    return n


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.05)


async def main():
    results = await asyncio.gather(asyncio.to_thread(blocking, 1), ticker())
    print(results[0])


asyncio.run(main())
