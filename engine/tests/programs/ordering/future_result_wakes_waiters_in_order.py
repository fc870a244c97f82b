import asyncio

async def waiter(fut, name):
    print(name, "waiting")
    value = await fut
    print(name, "got", value)

async def main():
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(fut, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    print("setting result")
    fut.set_result("ready")
    print("result set, waiters have not run")
    await asyncio.sleep(0)
    print("main after one yield")
    await asyncio.gather(*tasks)

asyncio.run(main())
