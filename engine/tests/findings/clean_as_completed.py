# as_completed hands results over in the order they finish.
import asyncio


async def job(n):
    await asyncio.sleep(0.1 * (3 - n))
    return n


async def main():
    for fut in asyncio.as_completed([job(n) for n in range(3)]):
        print(await fut)


asyncio.run(main())
