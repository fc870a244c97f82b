# Short sleeps in one task: awaited, so the loop is never held.
import asyncio


async def main():
    for i in range(3):
        await asyncio.sleep(0.2)
        print("step", i)


asyncio.run(main())
