import asyncio

async def main():
    event = asyncio.Event()
    try:
        await asyncio.wait_for(event.wait(), timeout=0.1)
    except asyncio.TimeoutError:
        print("event was not set in time")
    asyncio.get_running_loop().call_later(0.05, event.set)
    await asyncio.wait_for(event.wait(), timeout=1)
    print("event set by call_later")

asyncio.run(main())
