# Producers and consumers through a bounded queue; the consumers are cancelled once all is done.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)


async def consumer(q, out):
    while True:
        out.append(await q.get())
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    consumers = [asyncio.create_task(consumer(q, out)) for _ in range(2)]
    await asyncio.gather(producer(q, 5), producer(q, 5))
    await q.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(sorted(out))


asyncio.run(main())
