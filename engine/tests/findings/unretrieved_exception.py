# A task fails and nobody awaits it: its exception is only reported when the task is dropped.
import asyncio


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def main():
    task = asyncio.create_task(fail())
    await asyncio.sleep(0.5)
    del task


asyncio.run(main())
