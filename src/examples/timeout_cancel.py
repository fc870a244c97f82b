import asyncio


async def slow_query():
    try:
        print("query: started")
        await asyncio.sleep(5)
        print("query: finished")  # never printed
        return 42
    except asyncio.CancelledError:
        print("query: cancelled, cleaning up")
        raise


async def main():
    try:
        # wait_for cancels the query when the time is up.
        await asyncio.wait_for(slow_query(), timeout=1)
    except TimeoutError:
        print("main: gave up after 1 s")

    task = asyncio.create_task(slow_query())
    await asyncio.sleep(0.5)
    task.cancel()  # ask the task to stop at its next await
    try:
        await task
    except asyncio.CancelledError:
        print("main: task was cancelled:", task.cancelled())


asyncio.run(main())
