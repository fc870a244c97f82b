import asyncio

async def waiter(sem, name):
    await sem.acquire()
    print(name, "acquired")

async def main():
    sem = asyncio.Semaphore(0)
    tasks = [asyncio.create_task(waiter(sem, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.01)
    for _ in range(3):
        print("release")
        sem.release()
        await asyncio.sleep(0.01)
    await asyncio.gather(*tasks)

asyncio.run(main())
