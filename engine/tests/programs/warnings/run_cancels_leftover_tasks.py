import asyncio

async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background task cancelled by asyncio.run")
        raise
    finally:
        print("background cleanup")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.01)
    print("main returns")

asyncio.run(main())
print("after asyncio.run")
