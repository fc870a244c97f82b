import asyncio

async def victim():
    try:
        print("victim sleeping")
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("victim sees CancelledError")
        raise

async def bystander():
    for i in range(3):
        print("bystander", i)
        await asyncio.sleep(0)

async def main():
    v = asyncio.create_task(victim())
    b = asyncio.create_task(bystander())
    await asyncio.sleep(0)
    v.cancel()
    print("main requested cancel")
    await asyncio.sleep(0)
    print("main after sleep(0), victim done:", v.done())
    await asyncio.gather(v, b, return_exceptions=True)
    print("victim cancelled:", v.cancelled())

asyncio.run(main())
