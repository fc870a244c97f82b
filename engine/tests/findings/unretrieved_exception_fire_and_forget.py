# A task is kept but never awaited, and it fails: nobody ever sees its exception.
import asyncio


async def send_report():
    await asyncio.sleep(0.01)
    raise ConnectionError("report server down")


async def main():
    task = asyncio.create_task(send_report())
    await asyncio.sleep(0.1)
    print("main done", task.done())


asyncio.run(main())
