# A coroutine calls a blocking queue.Queue.get with a timeout: the loop is held while it waits.
import asyncio
import queue

q = queue.Queue()


async def waiter():
    try:
        q.get(timeout=0.5)
    except queue.Empty:
        print("empty")


async def other():
    for i in range(2):
        print("other", i)
        await asyncio.sleep(0.1)


async def main():
    await asyncio.gather(waiter(), other())


asyncio.run(main())
