import asyncio

async def faulty():
    await asyncio.sleep(0.01)
    raise ValueError("something broke")

async def main():
    asyncio.create_task(faulty())
    await asyncio.sleep(0.1)
    print("main finished without awaiting the task")

asyncio.run(main())
