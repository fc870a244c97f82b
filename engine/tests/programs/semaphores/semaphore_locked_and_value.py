import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    print(sem.locked())
    await sem.acquire()
    await sem.acquire()
    print(sem.locked())
    sem.release()
    print(sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
