import asyncio
import functools
import inspect


def plain():
    return 1


def gen():
    yield 1


async def coro():
    await asyncio.sleep(0)


async def agen():
    yield 1


class K:
    """A class.

        Indented details.
    """

    def method(self):
        pass

    async def amethod(self):
        pass


for f in [plain, gen, coro, agen, K().method, K().amethod, functools.partial(coro), len, K]:
    name = getattr(f, "__name__", type(f).__name__)
    print(name, inspect.isfunction(f), inspect.ismethod(f), inspect.isgeneratorfunction(f),
          inspect.iscoroutinefunction(f), inspect.isasyncgenfunction(f), inspect.isclass(f),
          inspect.isbuiltin(f), inspect.isroutine(f))

g = gen()
c = coro()
a = agen()
print(inspect.isgenerator(g), inspect.iscoroutine(c), inspect.isasyncgen(a), inspect.isawaitable(c),
      inspect.isawaitable(g), inspect.ismodule(inspect))
print(inspect.getgeneratorstate(g), inspect.getcoroutinestate(c))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))
asyncio.run(c)
print(inspect.getcoroutinestate(c))
print(repr(inspect.getdoc(K)))
print([name for name, _ in inspect.getmembers(K, inspect.isfunction)])
