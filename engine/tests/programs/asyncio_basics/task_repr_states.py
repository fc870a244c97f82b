import asyncio

async def work():
    await asyncio.sleep(0.05)
    return "ok"

async def main():
    task = asyncio.create_task(work(), name="job")
    print(task._state)
    await asyncio.sleep(0)
    print(task._state, task.done())
    await task
    print(task._state, task.done(), task.result())

asyncio.run(main())
