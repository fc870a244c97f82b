import asyncio

async def main():
    event = asyncio.Event()
    print(event.is_set())
    event.set()
    print(await event.wait(), event.is_set())
    event.clear()
    print(event.is_set())

    async def setter():
        await asyncio.sleep(0.05)
        print("setter sets")
        event.set()

    asyncio.create_task(setter())
    await event.wait()
    print("woken after clear")

asyncio.run(main())
