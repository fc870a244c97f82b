import asyncio

async def step(label):
    me = asyncio.current_task().get_name()
    print(me, label, "a")
    await asyncio.sleep(0)
    print(me, label, "b")

async def main():
    t1 = asyncio.create_task(step("x"))
    t2 = asyncio.create_task(step("y"), name="custom")
    await asyncio.gather(step("direct"), t1, t2)

asyncio.run(main())
