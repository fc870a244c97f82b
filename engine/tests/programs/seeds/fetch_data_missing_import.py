async def fetch_data():
    print("Start fetching data...")
    await asyncio.sleep(2) # Simulate a network delay
    print("Data fetched!")
asyncio.run(fetch_data())
