import asyncio

async def faulty():
    raise RuntimeError("handled later")

async def main():
    task = asyncio.create_task(faulty())
    await asyncio.sleep(0.01)
    print("exception:", repr(task.exception()))

asyncio.run(main())
