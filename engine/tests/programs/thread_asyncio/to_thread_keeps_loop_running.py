# asyncio.to_thread runs a blocking time.sleep in a thread while other coroutines keep running.
import asyncio
import time

def blocking():
    time.sleep(0.25)
    print("thread: blocking call finished")
    return "result"

async def ticker():
    for i in range(5):
        print("tick", i)
        await asyncio.sleep(0.1)

async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(blocking), ticker())
    print("to_thread returned", result)

asyncio.run(main())
