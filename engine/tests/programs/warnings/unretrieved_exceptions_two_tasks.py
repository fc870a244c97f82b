import asyncio

async def fail(n):
    raise KeyError(n)

async def main():
    t1 = asyncio.create_task(fail(1))
    t2 = asyncio.create_task(fail(2))
    await asyncio.sleep(0.01)
    print("both tasks failed:", t1.done(), t2.done())

asyncio.run(main())
print("program end")
