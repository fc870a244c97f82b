import asyncio

async def waiter(event, name):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} woke up")

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    print("setting event")
    event.set()
    await asyncio.gather(*tasks)
    print("is_set:", event.is_set())

asyncio.run(main())
