import asyncio

async def child(name):
    print(f"{name} started")
    await asyncio.sleep(0)
    print(f"{name} resumed")

async def main():
    asyncio.create_task(child("t1"))
    asyncio.create_task(child("t2"))
    print("main: tasks created, none has run yet")
    await asyncio.sleep(0)
    print("main: after first sleep(0)")
    await asyncio.sleep(0)
    print("main: after second sleep(0)")

asyncio.run(main())
