# The running loop's class is CPython's on Linux, and its name shows in an AttributeError's message.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(type(loop))
    print(type(loop).__name__, isinstance(loop, asyncio.BaseEventLoop), isinstance(loop, asyncio.AbstractEventLoop))
    print(asyncio.SelectorEventLoop is type(loop))
    try:
        loop.connect_ex
    except AttributeError as e:
        print(e)


asyncio.run(main())
