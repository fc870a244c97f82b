# A coroutine called without await, on every turn of a loop: CPython's default warning filter reports each
# place once, so one warning for the loop's line, and one more for another line.
import asyncio


async def fetch(i):
    await asyncio.sleep(0.1)
    return i


async def main():
    for i in range(3):
        fetch(i)
    print("loop done")
    pending = [fetch(i) for i in range(2)]
    del pending
    print("list dropped")
    fetch(9)
    print(await fetch(10))


asyncio.run(main())
