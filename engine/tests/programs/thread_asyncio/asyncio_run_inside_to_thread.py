# A function run by to_thread may start its own event loop with asyncio.run while the outer loop waits.
import asyncio

async def inner():
    await asyncio.sleep(0.05)
    return asyncio.get_running_loop()

def thread_body():
    return asyncio.run(inner())

async def main():
    outer = asyncio.get_running_loop()
    inner_loop = await asyncio.to_thread(thread_body)
    print("inner loop is another loop:", inner_loop is not outer)
    print("inner loop closed:", inner_loop.is_closed(), "outer running:", outer.is_running())

asyncio.run(main())
