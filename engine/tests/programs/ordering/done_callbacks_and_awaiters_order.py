import asyncio

async def job():
    await asyncio.sleep(0)
    print("job finishing")
    return "result"

async def awaiter(t, name):
    print(name, "awaits")
    await t
    print(name, "resumed")

async def main():
    t = asyncio.create_task(job())
    t.add_done_callback(lambda _: print("callback 1"))
    w = asyncio.create_task(awaiter(t, "w"))
    await asyncio.sleep(0)
    t.add_done_callback(lambda _: print("callback 2"))
    print("main awaits")
    await t
    print("main resumed")
    await w

asyncio.run(main())
