import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f._state)
    f.cancel()
    print(f._state)
    g = loop.create_future()
    g.set_result(1)
    print(g._state)
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t._state)
    try:

asyncio.run(main())
