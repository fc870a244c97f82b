import asyncio

async def echo():
    received = None
    while True:
        received = yield f"echo {received}"

async def main():
    gen = echo()
    print(await gen.__anext__())
    print(await gen.asend("hi"))
    print(await anext(gen))
    print(await gen.asend(42))
    await gen.aclose()
    print(await anext(gen, "closed"))

asyncio.run(main())
