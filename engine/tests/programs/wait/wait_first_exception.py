import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name

async def main():
    tasks = [asyncio.create_task(job("a", 0.1), name="a"),
             asyncio.create_task(job("b", 0.2, fail=True), name="b"),
             asyncio.create_task(job("c", 0.3), name="c")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), "exception:", repr(t.exception()))
    print("pending:", [t.get_name() for t in pending])
    await asyncio.wait(pending)
    print(tasks[2].result())

asyncio.run(main())
