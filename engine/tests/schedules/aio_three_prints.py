# outcome: a / b / c
# outcome: a / c / b
# outcome: b / a / c
# outcome: b / c / a
# outcome: c / a / b
# outcome: c / b / a
# complete
import asyncio


async def say(word):
    print(word)


async def main():
    tasks = [asyncio.create_task(say(w)) for w in "abc"]
    await asyncio.gather(*tasks)


asyncio.run(main())
