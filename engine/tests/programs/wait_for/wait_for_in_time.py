import asyncio

async def quick():
    await asyncio.sleep(0.05)
    return "quick result"

async def main():
    print(await asyncio.wait_for(quick(), timeout=1))
    print(await asyncio.wait_for(quick(), timeout=None))
    task = asyncio.create_task(quick())
    print(await asyncio.wait_for(task, 0.5), task.done())

asyncio.run(main())
