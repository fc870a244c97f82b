# asyncio.Lock is not reentrant: a task that takes it again waits for itself.
import asyncio


async def main():
    lock = asyncio.Lock()
    async with lock:
        async with lock:
            print("never")


asyncio.run(main())
