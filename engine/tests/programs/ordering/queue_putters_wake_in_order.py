import asyncio

async def putter(q, item):
    print("putting", item)
    await q.put(item)
    print("put done", item)

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("initial")
    tasks = [asyncio.create_task(putter(q, i)) for i in range(3)]
    await asyncio.sleep(0)
    for _ in range(4):
        print("main got", q.get_nowait())
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)

asyncio.run(main())
