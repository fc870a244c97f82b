# run_in_executor returns an asyncio Future that can be awaited later, like any awaitable.
import asyncio

def compute():
    return sum(range(10))

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, compute)
    print("is asyncio.Future:", isinstance(fut, asyncio.Future))
    print("result:", await fut, "done:", fut.done())

asyncio.run(main())
