import asyncio

async def worker(name, jobs, results):
    while True:
        n = await jobs.get()
        try:
            await asyncio.sleep(0.05 * n)
            results.append((n, name))
        finally:
            jobs.task_done()

async def main():
    jobs = asyncio.Queue()
    results = []
    for n in [5, 1, 3, 2, 4]:
        jobs.put_nowait(n)
    pool = [asyncio.create_task(worker(f"w{i}", jobs, results)) for i in range(2)]
    await jobs.join()
    for t in pool:
        t.cancel()
    await asyncio.gather(*pool, return_exceptions=True)
    print(results)

asyncio.run(main())
