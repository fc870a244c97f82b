import asyncio

async def background():
    print("background runs")

async def helper():
    print("helper runs inline")
    return "helper result"

async def main():
    asyncio.create_task(background())
    print(await helper())
    print("still before background: awaiting a plain coroutine never yields")
    await asyncio.sleep(0)
    print("after sleep(0)")

asyncio.run(main())
