import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty raised", repr(asyncio.QueueEmpty()))
    q.put_nowait("x")
    try:
        q.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull raised")
    print(q.full(), q.qsize(), q.get_nowait(), q.empty())

asyncio.run(main())
