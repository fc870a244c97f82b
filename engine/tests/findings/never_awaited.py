# Calling a coroutine function without await makes a coroutine object and runs nothing.
import asyncio


async def greet():
    print("hello")


async def main():
    greet()
    await asyncio.sleep(0.1)


asyncio.run(main())
