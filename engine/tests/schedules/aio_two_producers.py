# outcome: a / b
# outcome: b / a
# complete
import asyncio


async def producer(q, item):
    await q.put(item)


async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q, "a"), producer(q, "b"))
    print(q.get_nowait())
    print(q.get_nowait())


asyncio.run(main())
