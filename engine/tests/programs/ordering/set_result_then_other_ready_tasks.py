import asyncio

async def waiter(fut):
    print("waiter got", await fut)

async def busy(name):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0)

async def setter(fut):
    print("setter sets the result")
    fut.set_result(1)
    await asyncio.sleep(0)
    print("setter continues")

async def main():
    fut = asyncio.get_running_loop().create_future()
    await asyncio.gather(waiter(fut), busy("b"), setter(fut), busy("c"))

asyncio.run(main())
