import asyncio

async def waiter(cond, name):
    async with cond:
        print(name, "waits")
        await cond.wait()
        print(name, "notified")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, f"w{i}")) for i in range(4)]
    await asyncio.sleep(0)
    for n in (1, 2, 1):
        async with cond:
            print(f"notify({n})")
            cond.notify(n)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)

asyncio.run(main())
