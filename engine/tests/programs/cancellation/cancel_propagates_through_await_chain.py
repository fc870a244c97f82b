import asyncio

async def level3():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("level3 cancelled")
        raise

async def level2():
    try:
        await level3()
    finally:
        print("level2 finally")

async def level1():
    try:
        await level2()
    except asyncio.CancelledError:
        print("level1 sees cancellation")
        raise

async def main():
    task = asyncio.create_task(level1())
    await asyncio.sleep(0.01)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print("task cancelled:", task.cancelled())

asyncio.run(main())
