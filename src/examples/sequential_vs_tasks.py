import asyncio
import time


async def brew(drink, seconds):
    print(f"start {drink}")
    await asyncio.sleep(seconds)
    print(f"{drink} ready")
    return drink


async def main():
    start = time.perf_counter()
    # Awaiting one coroutine after another: each waits for the previous one.
    await brew("tea", 1)
    await brew("coffee", 2)
    print(f"one after another: {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    # create_task schedules both at once; the waits overlap.
    tea = asyncio.create_task(brew("tea", 1))
    coffee = asyncio.create_task(brew("coffee", 2))
    await tea
    await coffee
    print(f"as tasks: {time.perf_counter() - start:.1f} s")


asyncio.run(main())
