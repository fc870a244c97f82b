# loop.run_in_executor with a given ThreadPoolExecutor runs the calls on that pool's threads.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

def work(n):
    time.sleep(0.1)
    return n, threading.current_thread().name

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="io") as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in range(2)))
    print(sorted(results))

asyncio.run(main())
