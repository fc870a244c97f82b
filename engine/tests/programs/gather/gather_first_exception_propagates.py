import asyncio

async def worker(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    print(f"{name} done")
    return name

async def main():
    tasks = [asyncio.create_task(worker("a", 0.1)),
             asyncio.create_task(worker("b", 0.2, fail=True)),
             asyncio.create_task(worker("c", 0.3))]
    try:
        await asyncio.gather(*tasks)
    except RuntimeError as e:
        print("caught:", e)
    print([t.done() for t in tasks])
    await asyncio.sleep(0.2)
    print([t.done() for t in tasks], tasks[2].result())

asyncio.run(main())
