# outcome: set / woke
# complete
import asyncio


async def waiter(ev):
    await ev.wait()
    print("woke")


async def setter(ev):
    print("set")
    ev.set()


async def main():
    ev = asyncio.Event()
    await asyncio.gather(waiter(ev), setter(ev))


asyncio.run(main())
