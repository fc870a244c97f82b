import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except Exception:
        print("not reached: CancelledError is not an Exception")

async def main():
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("CancelledError propagated")

asyncio.run(main())
