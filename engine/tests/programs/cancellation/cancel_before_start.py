import asyncio

async def worker():
    print("this never runs")

async def main():
    task = asyncio.create_task(worker())
    task.cancel()
    print("cancelling:", task.cancelling(), "done:", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled before it started:", task.cancelled())

asyncio.run(main())
