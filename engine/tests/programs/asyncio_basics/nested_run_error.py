import asyncio

async def inner():
    return "inner"

async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await coro)

asyncio.run(main())
