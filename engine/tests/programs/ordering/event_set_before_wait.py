import asyncio

async def waiter(event, name):
    print(name, "calls wait")
    await event.wait()
    print(name, "passes")

async def other():
    print("other runs")

async def main():
    event = asyncio.Event()
    event.set()
    asyncio.create_task(other())
    await waiter(event, "main")
    print("no yield happened yet")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
