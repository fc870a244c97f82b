import asyncio

balance = 0


async def deposit_unsafe():
    global balance
    current = balance
    await asyncio.sleep(0)  # another task runs between the read and the write
    balance = current + 10


async def deposit_safe(lock):
    global balance
    async with lock:  # only one task at a time reads and writes
        current = balance
        await asyncio.sleep(0)
        balance = current + 10


async def main():
    global balance
    await asyncio.gather(*(deposit_unsafe() for _ in range(5)))
    print(f"without a lock: {balance} (expected 50)")

    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit_safe(lock) for _ in range(5)))
    print(f"with a lock: {balance} (expected 50)")


asyncio.run(main())
