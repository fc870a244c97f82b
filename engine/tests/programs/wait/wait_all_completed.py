import asyncio

async def job(n):
    await asyncio.sleep(0.05 * n)
    return n * n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in range(1, 5)]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))
    print(sorted(t.result() for t in done))
    print(asyncio.ALL_COMPLETED, asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION)

asyncio.run(main())
