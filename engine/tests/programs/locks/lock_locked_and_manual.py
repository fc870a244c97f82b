import asyncio

async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with lock:
        print("inside:", lock.locked())
    print("outside:", lock.locked())

asyncio.run(main())
