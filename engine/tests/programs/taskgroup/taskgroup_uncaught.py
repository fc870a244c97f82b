import asyncio

async def fail():
    await asyncio.sleep(0.01)
    raise ValueError("inside group")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail())

asyncio.run(main())
