import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("ignoring cancellation")
    await asyncio.sleep(0.05)
    return "finished anyway"

async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    task.cancel()
    result = await task
    print(result, task.cancelled(), task.cancelling())

asyncio.run(main())
