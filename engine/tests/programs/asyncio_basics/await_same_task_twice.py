import asyncio

async def slow():
    print("slow starts")
    await asyncio.sleep(0.05)
    print("slow ends")
    return "value"

async def main():
    task = asyncio.create_task(slow())
    first = await task
    second = await task
    print(first, second)
    coro = slow()
    await coro
    try:
        await coro
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
