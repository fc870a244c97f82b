import asyncio

async def sleeper(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def failer():
    await asyncio.sleep(0)
    print("failer raising")
    raise ValueError("fail")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("s1"))
            tg.create_task(failer())
            tg.create_task(sleeper("s2"))
            print("body waiting")
    except* ValueError:
        print("group raised ValueError")

asyncio.run(main())
