import asyncio

async def job():
    await asyncio.sleep(0.01)
    return asyncio.current_task().get_name()

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job(), name="first")
        b = tg.create_task(job())
    print(a.result(), b.result())
    coro = job()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()

asyncio.run(main())
