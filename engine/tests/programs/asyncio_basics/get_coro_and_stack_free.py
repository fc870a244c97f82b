import asyncio

async def work():
    await asyncio.sleep(0.01)

async def main():
    t = asyncio.create_task(work())
    print(t.get_coro().__name__, t.get_coro().__qualname__)
    await t
    print(t.get_coro().cr_frame is None)

asyncio.run(main())
