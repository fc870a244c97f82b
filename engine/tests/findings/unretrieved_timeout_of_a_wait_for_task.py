# A task wrapping asyncio.wait_for times out and nothing awaits it: the finding points at the line that
# created the task, not at a line of asyncio's own code.
import asyncio


async def main():
    task = asyncio.create_task(asyncio.wait_for(asyncio.sleep(1), 0.01))
    await asyncio.sleep(0.1)
    del task


asyncio.run(main())
