import asyncio

async def get_something():
    # Simulate time-consuming operation
    await asyncio.sleep(2)
    return "I am the result"

async def main():
    task1 = asyncio.create_task(get_something())
    task2 = asyncio.create_task(get_something())
    result1 = await task1
    result2 = await task2
    print(result1, result2)

asyncio.run(main())
