import asyncio

state = {"count": 0}

async def watcher(cond):
    async with cond:
        result = await cond.wait_for(lambda: state["count"] >= 3)
        print("watcher sees count", state["count"], "predicate result", result)

async def main():
    cond = asyncio.Condition()
    task = asyncio.create_task(watcher(cond))
    for _ in range(4):
        await asyncio.sleep(0.02)
        async with cond:
            state["count"] += 1
            print("count is", state["count"])
            cond.notify_all()
    await task

asyncio.run(main())
