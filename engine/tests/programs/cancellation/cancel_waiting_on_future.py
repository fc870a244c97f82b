import asyncio

async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError:
        print("waiter cancelled; future cancelled too?", fut.cancelled())
        raise

async def main():
    fut = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0.01)
    task.cancel()
    await asyncio.sleep(0.01)
    print(task.cancelled(), fut.cancelled())

asyncio.run(main())
