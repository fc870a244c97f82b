import asyncio

async def worker():
    task = asyncio.current_task()
    for attempt in range(3):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("attempt", attempt, "cancelling() =", task.cancelling())
            print("uncancel ->", task.uncancel())
    return "survived"

async def main():
    task = asyncio.create_task(worker())
    for _ in range(2):
        await asyncio.sleep(0.01)
        task.cancel()
    await asyncio.sleep(0.01)
    task.cancel()
    task.cancel()
    print(await task)

asyncio.run(main())
