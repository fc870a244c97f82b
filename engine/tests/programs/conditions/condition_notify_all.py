import asyncio

async def worker(cond, name):
    async with cond:
        await cond.wait()
        print(name, "notified, lock held:", cond.locked())

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(worker(cond, f"w{i}")) for i in range(4)]
    await asyncio.sleep(0.01)
    async with cond:
        print("notifying all")
        cond.notify_all()
        print("still holding the lock")
    await asyncio.gather(*tasks)

asyncio.run(main())
