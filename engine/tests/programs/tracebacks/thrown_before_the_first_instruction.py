# An exception thrown into a generator or a task that has not started is raised at the function's first line
# (its first decorator's, when it has one): the traceback shows that line, and no carets.
import asyncio, traceback
def deco(f): return f

@deco
def plain(x=lambda: 1):
    return x


@deco
@deco
def gen():
    yield 1

g = gen()
try:
    g.throw(KeyError("k"))
except KeyError:
    traceback.print_exc()

async def job():
    await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0)
    t.cancel()
    loop = asyncio.get_running_loop()
    loop.call_soon(plain)
    h = loop.call_later(10, plain)
    h.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    t2 = asyncio.create_task(job())
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        traceback.print_exc()

asyncio.run(main())
