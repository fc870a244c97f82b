import asyncio

async def worker(name):
    try:
        print(f"{name}: working")
        await asyncio.sleep(1)
    finally:
        print(f"{name}: cleanup")

async def main():
    tasks = [asyncio.create_task(worker(f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.05)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
