import asyncio

async def watcher(cond, box, name, target):
    async with cond:
        print(name, "waiting for", target)
        await cond.wait_for(lambda: box["value"] >= target)
        print(name, "sees", box["value"])

async def main():
    cond = asyncio.Condition()
    box = {"value": 0}
    tasks = [asyncio.create_task(watcher(cond, box, f"w{t}", t)) for t in (2, 1, 3)]
    await asyncio.sleep(0)
    for _ in range(3):
        async with cond:
            box["value"] += 1
            print("value ->", box["value"])
            cond.notify_all()
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)

asyncio.run(main())
