import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.1, 0.5, 1.0)]
    done, pending = await asyncio.wait(tasks, timeout=0.3)
    print(sorted(t.result() for t in done), len(pending))
    print([t.done() for t in tasks])
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print([t.cancelled() for t in tasks])

asyncio.run(main())
