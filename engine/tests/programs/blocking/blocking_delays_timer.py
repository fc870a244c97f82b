import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, print, "timer fired")
    print("blocking for 0.2 s")
    time.sleep(0.2)
    print("blocking done, timer has not fired yet")
    await asyncio.sleep(0)
    print("after yielding once")
    await asyncio.sleep(0.01)
    print("end")

asyncio.run(main())
