import asyncio

async def fetch(n):
    await asyncio.sleep(0.1 * n)
    print("fetched", n)
    return n * 10

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch(2))
        t2 = tg.create_task(fetch(1))
        print("tasks created")
    print("both done:", t1.result(), t2.result())

asyncio.run(main())
