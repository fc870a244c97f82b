import asyncio

async def task_body(name):
    print("task", name)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback 1")
    asyncio.create_task(task_body("A"))
    loop.call_soon(print, "callback 2")
    asyncio.create_task(task_body("B"))
    print("main yields")
    await asyncio.sleep(0)
    print("main resumed")

asyncio.run(main())
