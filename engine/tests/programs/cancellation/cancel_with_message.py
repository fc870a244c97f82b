import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("worker got", repr(e), e.args)
        raise

async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.05)
    task.cancel(msg="shutting down")
    try:
        await task
    except asyncio.CancelledError as e:
        print("main got", repr(e), e.args)

asyncio.run(main())
