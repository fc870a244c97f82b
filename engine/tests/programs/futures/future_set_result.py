import asyncio

async def set_later(fut, value):
    await asyncio.sleep(0.05)
    fut.set_result(value)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done())
    asyncio.create_task(set_later(fut, "hello from the future"))
    print(await fut)
    print(fut.done(), fut.result())

asyncio.run(main())
