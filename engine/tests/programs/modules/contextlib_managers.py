import asyncio
from contextlib import contextmanager, asynccontextmanager, suppress, nullcontext, ExitStack, AsyncExitStack, closing

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("h1") as t:
    print("inside", t)

@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)

with swallow():
    raise ValueError("boom")
print("after swallow")
try:
    with tag("p"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)

@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print(e)

@tag("deco")
def decorated(x):
    print("body", x)
decorated(1); decorated(2)
print(decorated.__name__)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed", e)
with nullcontext(5) as v:
    print("null", v)

with ExitStack() as stack:
    for n in ("a", "b"):
        print(stack.enter_context(tag(n)))
    stack.callback(print, "callback ran")
    print("stack body")

class Res:
    def close(self): print("closed")
with closing(Res()):
    print("using")

@asynccontextmanager
async def session(name):
    print("open", name)
    await asyncio.sleep(0.01)
    try:
        yield name * 2
    finally:
        await asyncio.sleep(0)
        print("close", name)

async def main():
    async with session("s") as s:
        print("got", s)
    try:
        async with session("e"):
            raise ValueError("inner")
    except ValueError as e:
        print("caught", e)
    async with AsyncExitStack() as st:
        x = await st.enter_async_context(session("x"))
        st.push_async_callback(asyncio.sleep, 0)
        print("x is", x)
    async with nullcontext("n") as n:
        print(n)

asyncio.run(main())
