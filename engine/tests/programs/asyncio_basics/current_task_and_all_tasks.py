import asyncio

async def worker(n):
    await asyncio.sleep(0.1 * n)

async def main():
    me = asyncio.current_task()
    tasks = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(1, 4)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(me in asyncio.all_tasks(), me.done())
    await tasks[0]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*tasks)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(asyncio.current_task() is me)

asyncio.run(main())
print(asyncio.current_task() if False else "no loop outside run")
