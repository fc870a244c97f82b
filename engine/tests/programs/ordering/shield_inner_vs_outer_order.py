import asyncio

async def inner():
    await asyncio.sleep(0)
    print("inner step 1")
    await asyncio.sleep(0)
    print("inner finished")
    return "inner value"

async def outer(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("outer cancelled")
        raise

async def main():
    t = asyncio.create_task(inner())
    o = asyncio.create_task(outer(t))
    await asyncio.sleep(0)
    o.cancel()
    print("cancelled outer")
    await asyncio.gather(o, return_exceptions=True)
    print("outer done; inner done:", t.done())
    print(await t)

asyncio.run(main())
