import asyncio

counter = 0

async def increment(lock, name):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0.01)
        counter = value + 1
        print(f"{name} set counter to {counter}")

async def unsafe_increment():
    global counter
    value = counter
    await asyncio.sleep(0.01)
    counter = value + 1

async def main():
    global counter
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(lock, f"task{i}") for i in range(4)))
    print("with lock:", counter)
    counter = 0
    await asyncio.gather(*(unsafe_increment() for _ in range(4)))
    print("without lock:", counter)

asyncio.run(main())
