import asyncio

async def quick():
    return "quick"

async def chatter():
    for i in range(3):
        print("chatter", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("quick done:", t.done())
    asyncio.create_task(chatter())
    print(await t, "- awaited without yielding")
    print(await t, "- again")
    await asyncio.sleep(0)
    print("main after one yield")
    await asyncio.sleep(0)
    await asyncio.sleep(0)

asyncio.run(main())
