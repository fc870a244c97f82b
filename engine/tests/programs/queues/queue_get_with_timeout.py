import asyncio

async def main():
    q = asyncio.Queue()
    try:
        item = await asyncio.wait_for(q.get(), timeout=0.05)
    except asyncio.TimeoutError:
        print("no item within the timeout")
    q.put_nowait("late item")
    print(await asyncio.wait_for(q.get(), timeout=0.05))
    print(q.qsize())

asyncio.run(main())
