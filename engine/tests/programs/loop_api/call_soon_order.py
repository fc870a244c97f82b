import asyncio

def callback(name):
    print("callback", name)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(callback, "a")
    loop.call_soon(callback, "b")
    handle = loop.call_soon(callback, "c")
    handle.cancel()
    loop.call_soon(callback, "d")
    print("scheduled")
    await asyncio.sleep(0)
    print("after sleep(0)")

asyncio.run(main())
