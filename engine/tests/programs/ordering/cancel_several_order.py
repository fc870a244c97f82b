import asyncio

async def worker(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    tasks = {name: asyncio.create_task(worker(name)) for name in ["a", "b", "c", "d"]}
    await asyncio.sleep(0)
    for name in ["c", "a", "d", "b"]:
        tasks[name].cancel()
    print("cancel requested in order c a d b")
    await asyncio.gather(*tasks.values(), return_exceptions=True)

asyncio.run(main())
