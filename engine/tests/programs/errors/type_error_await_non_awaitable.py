import asyncio

def not_async():
    return 5

async def main():
    await not_async()

asyncio.run(main())
