import asyncio

async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    g = asyncio.gather(child("first"), child("second"), child("third"))
    await asyncio.sleep(0)
    g.cancel()
    print("gather.cancel() called")
    try:
        await g
    except asyncio.CancelledError:
        print("main sees CancelledError")

asyncio.run(main())
