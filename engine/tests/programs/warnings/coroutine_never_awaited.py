import asyncio

async def greet():
    print("hello")

async def main():
    greet()
    print("forgot to await greet()")
    await asyncio.sleep(0.01)

asyncio.run(main())
