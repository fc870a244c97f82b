import asyncio

async def work(n):
    await asyncio.sleep(0.05 * n)
    return n * n

def report(task):
    print(f"{task.get_name()} done with {task.result()}")

async def main():
    tasks = []
    for n in [3, 1, 2]:
        t = asyncio.create_task(work(n), name=f"job{n}")
        t.add_done_callback(report)
        tasks.append(t)
    await asyncio.gather(*tasks)
    print("all done")

asyncio.run(main())
