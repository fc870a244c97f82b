# Renaming a task after it finished: the name changes; the trace records no event after Finished.
import asyncio

async def noop():
    await asyncio.sleep(0.01)

async def main():
    print(asyncio.current_task().get_name())
    t1 = asyncio.create_task(noop())
    t2 = asyncio.create_task(noop(), name="worker")
    t3 = asyncio.create_task(noop())
    print(t1.get_name(), t2.get_name(), t3.get_name())
    await asyncio.gather(t1, t2, t3)
    print(t3.get_name())
    t3.set_name("renamed")

asyncio.run(main())
