# A consumer waits for a fourth item that no producer will ever put.
import asyncio


async def consumer(q):
    while True:
        item = await q.get()
        print("got", item)


async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    await consumer(q)


asyncio.run(main())
