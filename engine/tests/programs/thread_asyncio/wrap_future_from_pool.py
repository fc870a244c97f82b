# asyncio.wrap_future turns a concurrent.futures.Future into an awaitable asyncio future.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

def slow_add(a, b):
    time.sleep(0.1)
    return a + b

async def main():
    with ThreadPoolExecutor(max_workers=1) as pool:
        cf_future = pool.submit(slow_add, 2, 3)
        aio_future = asyncio.wrap_future(cf_future)
        print("is asyncio future:", isinstance(aio_future, asyncio.Future))
        print("awaited:", await aio_future)
        print("original done:", cf_future.done())

asyncio.run(main())
