import asyncio

async def job():
    await asyncio.sleep(0.05)
    return 42

async def main():
    task = asyncio.create_task(job())
    print(task.done())
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await task
    print(task.done(), task.result(), task.cancelled(), task.exception())

asyncio.run(main())
