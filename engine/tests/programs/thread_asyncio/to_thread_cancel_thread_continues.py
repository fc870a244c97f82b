# Cancelling the task awaiting to_thread does not stop the thread; it finishes before asyncio.run returns.
import asyncio
import time

def slow():
    time.sleep(0.3)
    print("thread: done")

async def main():
    task = asyncio.create_task(asyncio.to_thread(slow))
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled())

asyncio.run(main())
print("after asyncio.run")
