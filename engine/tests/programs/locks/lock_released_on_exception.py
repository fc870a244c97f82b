import asyncio

async def risky(lock):
    async with lock:
        print("holding lock, about to fail")
        raise ValueError("inside lock")

async def main():
    lock = asyncio.Lock()
    try:
        await risky(lock)
    except ValueError as e:
        print("caught:", e, "| locked:", lock.locked())

asyncio.run(main())
