import asyncio

async def sleeper(n, out):
    await asyncio.sleep(n / 10)
    out.append(n)
    print("woke", n)

async def main():
    numbers = [5, 1, 4, 2, 3]
    out = []
    await asyncio.gather(*(sleeper(n, out) for n in numbers))
    print(out)

asyncio.run(main())
