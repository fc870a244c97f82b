import asyncio

async def worker():
    print("worker started")
    await asyncio.sleep(1)
    print("never printed")

async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    print("cancel returned", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("main: task is cancelled now:", task.cancelled())
    print("cancel again returns", task.cancel())

asyncio.run(main())
