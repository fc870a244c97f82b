# An exception from a to_thread function can be caught around the await.
import asyncio

def divide(a, b):
    return a / b

async def main():
    try:
        await asyncio.to_thread(divide, 1, 0)
    except ZeroDivisionError as e:
        print("caught in the coroutine:", e)
    print("still running:", await asyncio.to_thread(divide, 9, 3))

asyncio.run(main())
