import asyncio

async def broken():
    await asyncio.sleep(0.01)
    raise KeyError("missing")

async def main():
    try:
        await asyncio.wait_for(broken(), timeout=1)
    except KeyError as e:
        print("KeyError passed through:", e)

asyncio.run(main())
