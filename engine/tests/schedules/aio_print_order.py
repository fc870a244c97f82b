# outcome: A / B
# outcome: B / A
# complete
import asyncio


async def say(word):
    print(word)


async def main():
    await asyncio.gather(say("A"), say("B"))


asyncio.run(main())
