import asyncio

async def job(name, yields):
    for _ in range(yields):
        await asyncio.sleep(0)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, y), name=n) for n, y in [("a", 2), ("b", 1), ("c", 1), ("d", 3)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    await asyncio.wait(pending)

asyncio.run(main())
