import asyncio

async def fetch_data():
    print("Start fetching data...")
    await asyncio.sleep(2) # Simulate a network delay
    print("Data fetched!")

asyncio.run(fetch_data())

async def main():
    task1 = asyncio.create_task(fetch_data())
    task2 = asyncio.create_task(fetch_data())
    await task1
    await task2

asyncio.run(main())
