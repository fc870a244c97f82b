# wait_for times out a to_thread call, but the thread itself keeps running; asyncio.run waits for it at the end.
import asyncio
import time

def slow():
    time.sleep(0.3)
    print("thread: finished anyway")

async def main():
    try:
        await asyncio.wait_for(asyncio.to_thread(slow), timeout=0.1)
    except TimeoutError:
        print("coroutine: timed out")

asyncio.run(main())
print("asyncio.run returned")
