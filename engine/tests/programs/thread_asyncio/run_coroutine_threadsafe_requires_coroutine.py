# run_coroutine_threadsafe accepts only a coroutine object, not a coroutine function: TypeError.
import asyncio

async def job():
    return 1

async def main():
    loop = asyncio.get_running_loop()
    asyncio.run_coroutine_threadsafe(job, loop)

asyncio.run(main())
