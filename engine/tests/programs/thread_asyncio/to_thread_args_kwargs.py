# asyncio.to_thread forwards positional and keyword arguments and returns the function's result.
import asyncio

def scale(values, *, factor):
    return [v * factor for v in values]

async def main():
    print(await asyncio.to_thread(scale, [1, 2, 3], factor=10))

asyncio.run(main())
