import asyncio

async def job(name, yields):
    for _ in range(yields):
        await asyncio.sleep(0)
    print("job", name, "done")
    return name

async def main():
    tasks = [asyncio.create_task(job(n, y)) for n, y in [("p", 2), ("q", 0), ("r", 1), ("s", 0)]]
    for fut in asyncio.as_completed(tasks):
        print("as_completed yields", await fut)

asyncio.run(main())
