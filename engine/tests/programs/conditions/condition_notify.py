import asyncio

async def consumer(cond, name, items):
    async with cond:
        while not items:
            print(f"{name} waiting")
            await cond.wait()
        print(f"{name} consumed {items.pop(0)}")

async def producer(cond, items):
    for i in range(3):
        await asyncio.sleep(0.05)
        async with cond:
            items.append(i)
            print("produced", i)
            cond.notify()

async def main():
    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(3)]
    await producer(cond, items)
    await asyncio.gather(*consumers)

asyncio.run(main())
