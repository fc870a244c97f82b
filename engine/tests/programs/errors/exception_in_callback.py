import asyncio

def bad_callback():
    raise ValueError("callback failed")

async def main():
    asyncio.get_running_loop().call_soon(bad_callback)
    await asyncio.sleep(0.01)
    print("loop survived the callback error")

asyncio.run(main())
