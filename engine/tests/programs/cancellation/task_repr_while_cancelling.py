# A task asked to cancel that goes on running (it caught CancelledError to clean up) is "cancelling" in its
# repr until it ends, and "cancelled" or "finished" after; uncancel() takes the request back.
import asyncio


def shown(task):
    """The repr without the folder of the program's file, which differs between machines."""
    text = repr(task)
    at = text.index(" at ") + 4
    return text[:at] + text[at:].rsplit("/", 1)[-1]


async def cleanup_slowly():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cleaning up")
        await asyncio.sleep(0.1)
        raise


async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
    return "swallowed"


async def main():
    a = asyncio.create_task(cleanup_slowly())
    b = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    a.cancel()
    b.cancel()
    print(a.cancelling(), b.cancelling())
    await asyncio.sleep(0.01)
    print(shown(a))
    print(shown(b))
    await asyncio.gather(a, b, return_exceptions=True)
    print(shown(a))
    print(shown(b))
    c = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    c.cancel()
    print(c.cancelling(), c.uncancel(), c.cancelling())
    c.cancel()
    await asyncio.sleep(0)
    print(c.cancelled(), c.cancelling())


asyncio.run(main())
