import asyncio

async def job(name, yields):
    for _ in range(yields):
        await asyncio.sleep(0)
    print("completed", name)
    return name

async def main():
    results = await asyncio.gather(job("three", 3), job("one", 1), job("zero", 0), job("two", 2))
    print(results)

asyncio.run(main())
