import asyncio

async def worker():
    await asyncio.sleep(0.01)
    raise ValueError("worker failed")

async def main():
    task = asyncio.create_task(worker())
    await task

asyncio.run(main())
