import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await say_after(1, "hello")
    await say_after(2, "world")
    print(f"sequential: finished after about {round(loop.time() - start)} s")

    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    start = loop.time()
    await task1
    await task2
    print(f"concurrent: finished after about {round(loop.time() - start)} s")

asyncio.run(main())
