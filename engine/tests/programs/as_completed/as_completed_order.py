import asyncio

async def download(name, delay):
    await asyncio.sleep(delay)
    return f"{name} ({delay}s)"

async def main():
    coros = [download("big", 0.3), download("small", 0.1), download("medium", 0.2)]
    for next_done in asyncio.as_completed(coros):
        print(await next_done)

asyncio.run(main())
