import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(ValueError("failed"))
    print(fut.done(), repr(fut.exception()))
    try:
        await fut
    except ValueError as e:
        print("awaiting raised:", e)
    try:
        fut.set_exception(StopIteration())
    except Exception as e:
        print(type(e).__name__)
    f2 = asyncio.get_running_loop().create_future()
    try:
        f2.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
