# loop.run_in_executor(None, f, arg) runs f in the default executor, whose threads are named asyncio_N.
import asyncio
import threading

def work(n):
    return n * 2, threading.current_thread().name

async def main():
    loop = asyncio.get_running_loop()
    value, name = await loop.run_in_executor(None, work, 21)
    print(value, name)

asyncio.run(main())
