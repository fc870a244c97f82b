# outcome: ['a', 'b']
# outcome: ['b', 'a']
# complete
import asyncio


async def add(items, x):
    await asyncio.sleep(0)
    items.append(x)


async def main():
    items = []
    await asyncio.gather(add(items, "a"), add(items, "b"))
    print(items)


asyncio.run(main())
