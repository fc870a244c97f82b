import asyncio

async def waiter(event, name, delay_yields):
    for _ in range(delay_yields):
        await asyncio.sleep(0)
    print(name, "starts waiting")
    await event.wait()
    print(name, "woken")

async def main():
    event = asyncio.Event()
    tasks = [
        asyncio.create_task(waiter(event, "a", 2)),
        asyncio.create_task(waiter(event, "b", 0)),
        asyncio.create_task(waiter(event, "c", 1)),
    ]
    for _ in range(3):
        await asyncio.sleep(0)
    event.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
