# Each task counts in a local variable and returns it: nothing shared, nothing lost.
import asyncio


async def count(n):
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(0)
    return total


async def main():
    print(sum(await asyncio.gather(count(10), count(20))))


asyncio.run(main())
