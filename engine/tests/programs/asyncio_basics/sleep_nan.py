import asyncio


async def ticker():
    print("ticker runs")


async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(float("nan"))
    print("slept nan, task done:", task.done())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(float("nan"), fut.set_result, "called back")
    print(await fut)


asyncio.run(main())
