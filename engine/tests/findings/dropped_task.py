# create_task's result thrown away: the loop keeps only a weak reference to the task.
import asyncio


async def background(n):
    await asyncio.sleep(0.1 * n)
    print("background", n, "done")


async def main():
    for n in range(3):
        asyncio.create_task(background(n))
    await asyncio.sleep(1)


asyncio.run(main())
