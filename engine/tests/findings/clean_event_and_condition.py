# An event set by one task wakes the others; a condition is notified under its lock.
import asyncio


async def waiter(ev, name):
    await ev.wait()
    print(name, "woke")


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    ev.set()
    await asyncio.gather(*tasks)
    cond = asyncio.Condition()
    items = []

    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            print("consumed", items.pop())

    c = asyncio.create_task(consumer())
    await asyncio.sleep(0.1)
    async with cond:
        items.append(1)
        cond.notify()
    await c


asyncio.run(main())
