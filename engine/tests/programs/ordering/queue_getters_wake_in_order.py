import asyncio

async def getter(q, name):
    print(name, "waiting for an item")
    item = await q.get()
    print(name, "got", item)

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(q, f"g{i}")) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait(1)
    print("put 1")
    await asyncio.sleep(0)
    q.put_nowait(2)
    q.put_nowait(3)
    print("put 2 and 3")
    await asyncio.gather(*tasks)

asyncio.run(main())
