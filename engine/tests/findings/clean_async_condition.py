# A producer notifies waiting consumers through an asyncio.Condition.
import asyncio


async def consumer(cond, box, name):
    async with cond:
        await cond.wait_for(lambda: box)
        print(name, "took", box.pop())


async def main():
    cond = asyncio.Condition()
    box = []
    tasks = [asyncio.create_task(consumer(cond, box, f"c{i}")) for i in range(2)]
    for item in ("x", "y"):
        await asyncio.sleep(0.01)
        async with cond:
            box.append(item)
            cond.notify()
    await asyncio.gather(*tasks)


asyncio.run(main())
