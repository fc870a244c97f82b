# A slow call times out and is retried with a longer timeout.
import asyncio


async def slow():
    await asyncio.sleep(0.3)
    return "done"


async def main():
    for timeout in (0.1, 0.5):
        try:
            print(await asyncio.wait_for(slow(), timeout))
            break
        except asyncio.TimeoutError:
            print("timeout", timeout)


asyncio.run(main())
