# outcome: a / b
# complete
import asyncio


async def late(word, delay):
    await asyncio.sleep(delay)
    print(word)


async def main():
    await asyncio.gather(late("b", 0.2), late("a", 0.1))


asyncio.run(main())
