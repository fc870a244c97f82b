import asyncio

async def coro():
    return "from coroutine"

async def main():
    t = asyncio.ensure_future(coro())
    print(type(t).__name__, await t)
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut)
    print(asyncio.isfuture(fut), asyncio.isfuture(t), asyncio.isfuture(coro))
    fut.set_result(None)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
