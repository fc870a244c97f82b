import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.15
    try:
        async with asyncio.timeout_at(deadline):
            for i in range(10):
                await asyncio.sleep(0.1)
                print("step", i)
    except TimeoutError:
        print("stopped at the deadline")

asyncio.run(main())
