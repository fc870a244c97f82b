import asyncio

async def waiter(event, name):
    await event.wait()
    print(name, "woke; is_set now", event.is_set())

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, n)) for n in "ab"]
    await asyncio.sleep(0.01)
    event.set()
    event.clear()
    print("set and cleared")
    await asyncio.gather(*tasks)

asyncio.run(main())
