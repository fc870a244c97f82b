import asyncio


async def running_total():
    total = 0
    while True:
        value = yield total
        if value is None:
            return
        total += value


async def two():
    yield 1
    yield 2


async def main():
    gen = running_total()
    try:
        await gen.asend(5)
    except TypeError as e:
        print("TypeError:", e)
    print(await anext(gen))
    for v in [3, 4, 10]:
        print("total", await gen.asend(v))
    print(await anext(gen, "finished"))
    print(await anext(gen, "still finished"))
    try:
        await anext(gen)
    except StopAsyncIteration:
        print("StopAsyncIteration without a default")

    g = two()
    print([await anext(g, None) for _ in range(4)])
    print([x async for x in two()])


asyncio.run(main())
