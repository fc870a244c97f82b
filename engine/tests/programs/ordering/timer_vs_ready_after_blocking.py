import asyncio
import time

async def other():
    print("other task runs")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.01, print, "timer callback")
    asyncio.create_task(other())
    time.sleep(0.05)
    print("main yields after blocking")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main resumed again")

asyncio.run(main())
