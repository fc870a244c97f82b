import asyncio

async def other():
    print("other task runs")

async def main():
    lock = asyncio.Lock()
    asyncio.create_task(other())
    async with lock:
        print("acquired without yielding")
    async with lock:
        print("acquired again without yielding")
    await asyncio.sleep(0)
    print("after a real yield")

asyncio.run(main())
