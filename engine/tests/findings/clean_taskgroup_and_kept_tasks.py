# A TaskGroup keeps the tasks it makes; tasks kept in a set are awaited; none is dropped.
import asyncio


async def job(n):
    await asyncio.sleep(0.01 * n)
    return n


async def main():
    async with asyncio.TaskGroup() as tg:
        for n in range(3):
            tg.create_task(job(n))
    running = set()
    for n in range(3):
        task = asyncio.create_task(job(n))
        running.add(task)
        task.add_done_callback(running.discard)
    print(sorted(await asyncio.gather(*running)))


asyncio.run(main())
