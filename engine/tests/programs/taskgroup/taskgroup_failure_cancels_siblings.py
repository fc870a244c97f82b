import asyncio

async def ok(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("bad task")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("short", 0.05))
            tg.create_task(bad())
            tg.create_task(ok("long", 1))
    except* ValueError as eg:
        print("caught", repr(eg.exceptions))

asyncio.run(main())
