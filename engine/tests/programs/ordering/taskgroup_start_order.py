import asyncio

async def child(name):
    print(name, "starts")
    await asyncio.sleep(0)
    print(name, "ends")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("a"))
        tg.create_task(child("b"))
        print("body done creating tasks")
        await asyncio.sleep(0)
        print("body after sleep(0)")
        tg.create_task(child("c"))
    print("group exited")

asyncio.run(main())
