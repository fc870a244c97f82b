# A task that has not run yet shows the line of its coroutine's def (or first decorator), as CPython's does;
# once it runs, the line it is at.
import asyncio
import functools


def logged(f):
    @functools.wraps(f)
    async def wrapper(*args):
        return await f(*args)
    return wrapper


async def work(n):
    await asyncio.sleep(0.1)
    return n


@logged
async def decorated(n):
    await asyncio.sleep(0.1)
    return n


def show(task):
    print(repr(task).replace(__file__, "FILE"))


async def main():
    t = asyncio.create_task(work(1), name="w")
    show(t)
    await asyncio.sleep(0)
    show(t)
    print(await t)
    d = asyncio.create_task(decorated(2), name="d")
    show(d)
    print(await d)


asyncio.run(main())
