import asyncio
import time

async def blocking_task():
    print("blocking: start")
    time.sleep(0.2)
    print("blocking: end")

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.05)

async def main():
    await asyncio.gather(ticker(), blocking_task())

asyncio.run(main())
