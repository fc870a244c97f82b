# A task is cancelled and cleans up in finally; the canceller awaits it.
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("cleaned up")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled")


asyncio.run(main())
