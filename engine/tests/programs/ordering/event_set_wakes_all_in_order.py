import asyncio

async def waiter(event, name):
    print(name, "waits")
    await event.wait()
    print(name, "wakes")
    await asyncio.sleep(0)
    print(name, "continues")

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    event.set()
    print("main set the event")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.gather(*tasks)

asyncio.run(main())
