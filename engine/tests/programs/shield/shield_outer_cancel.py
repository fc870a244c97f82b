import asyncio

async def inner():
    await asyncio.sleep(0.1)
    print("inner completed")
    return 1

async def waiter(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("waiter cancelled, inner done?", t.done())
        raise

async def main():
    t = asyncio.create_task(inner())
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(0.02)
    w.cancel()
    await asyncio.sleep(0.2)
    print(w.cancelled(), t.result())

asyncio.run(main())
