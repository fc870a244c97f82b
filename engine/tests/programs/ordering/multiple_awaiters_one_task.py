import asyncio

async def shared():
    await asyncio.sleep(0.05)
    print("shared finished")
    return 42

async def consumer(name, t):
    print(name, "awaiting shared")
    print(name, "received", await t)

async def main():
    t = asyncio.create_task(shared())
    await asyncio.gather(consumer("c1", t), consumer("c2", t), consumer("c3", t))

asyncio.run(main())
