import asyncio

async def worker(name, queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(item)
        print(f"{name} processed {item}")
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    for delay in [0.2, 0.1, 0.24, 0.06]:
        queue.put_nowait(delay)
    workers = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in range(2)]
    await queue.join()
    print("all work done")
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
