import asyncio

async def source():
    try:
        for i in range(10):
            yield i
    finally:
        print("source cleanup")

async def main():
    gen = source()
    async for i in gen:
        if i == 2:
            break
        print(i)
    print("loop left")
    await gen.aclose()
    print("closed explicitly")

asyncio.run(main())
