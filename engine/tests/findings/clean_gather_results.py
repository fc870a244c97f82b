# gather collects the results of tasks that each sleep: nothing shared, nothing wrong.
import asyncio


async def square(n):
    await asyncio.sleep(0.01 * n)
    return n * n


async def main():
    print(await asyncio.gather(*(square(n) for n in range(5))))


asyncio.run(main())
