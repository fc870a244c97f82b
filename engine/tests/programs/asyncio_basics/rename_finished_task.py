# Renaming a task after it finished: the name changes; the trace records no event after Finished.
import asyncio


async def job():
    return 42


async def main():
    task = asyncio.create_task(job(), name="first")
    print(await task, task.get_name())
    task.set_name("second")
    print(task.done(), task.get_name())


asyncio.run(main())
