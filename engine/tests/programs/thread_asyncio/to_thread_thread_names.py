# Concurrent to_thread calls run on default-executor threads named asyncio_0, asyncio_1, ...
import asyncio
import threading
import time

def whoami():
    time.sleep(0.1)
    return threading.current_thread().name

async def main():
    names = await asyncio.gather(asyncio.to_thread(whoami), asyncio.to_thread(whoami))
    print(sorted(names))
    print("loop thread:", threading.current_thread().name)

asyncio.run(main())
