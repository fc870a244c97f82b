import asyncio


async def greet(name, delay):
    print(f"{name}: hello")
    await asyncio.sleep(delay)
    print(f"{name}: goodbye after {delay} s")


async def main():
    await asyncio.gather(greet("ada", 1.0), greet("bob", 0.5))


asyncio.run(main())
