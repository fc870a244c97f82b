# outcome: 1
# outcome: 2
# complete
import asyncio

counter = 0


async def inc():
    global counter
    v = counter
    await asyncio.sleep(0)
    counter = v + 1


async def main():
    await asyncio.gather(inc(), inc())
    print(counter)


asyncio.run(main())
