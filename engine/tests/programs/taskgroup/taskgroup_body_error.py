import asyncio

async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("child cancelled because the body failed")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0.05)
            raise RuntimeError("body failed")
    except* RuntimeError as eg:
        print(type(eg).__name__, eg.exceptions)

asyncio.run(main())
