import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "soon a")
    loop.call_later(0, print, "later 0")
    loop.call_soon(print, "soon b")
    loop.call_later(-1, print, "later negative")
    loop.call_soon(print, "soon c")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0)
    print("main after second sleep(0)")

asyncio.run(main())
