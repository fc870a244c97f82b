import asyncio

async def leaf(name):
    print("start", name)
    await asyncio.sleep(0)
    print("end", name)

async def spawner(name):
    print("start", name)
    child = asyncio.create_task(leaf(name + ".child"))
    await asyncio.sleep(0)
    print("end", name)
    await child

async def main():
    a = asyncio.create_task(spawner("A"))
    b = asyncio.create_task(leaf("B"))
    await asyncio.gather(a, b)

asyncio.run(main())
