import asyncio

async def job(n):
    await asyncio.sleep(0.05 * n)
    if n == 2:
        raise ValueError("two is bad")
    return n

async def main():
    for fut in asyncio.as_completed([job(3), job(2), job(1)]):
        try:
            print("result", await fut)
        except ValueError as e:
            print("error", e)

asyncio.run(main())
