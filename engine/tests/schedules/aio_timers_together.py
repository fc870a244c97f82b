# outcome: a / b
# outcome: b / a
# complete
import asyncio


async def late(word):
    await asyncio.sleep(0.1)
    print(word)


async def main():
    await asyncio.gather(late("a"), late("b"))


asyncio.run(main())
