# A waiter gives up on an event after a timeout, then a second one sees it set.
import asyncio


async def main():
    event = asyncio.Event()
    try:
        await asyncio.wait_for(event.wait(), timeout=0.05)
    except asyncio.TimeoutError:
        print("timed out")
    asyncio.get_running_loop().call_later(0.01, event.set)
    await event.wait()
    print("set")


asyncio.run(main())
