# An exception in a pool task reaches the coroutine that awaits the wrapped future, and ends asyncio.run.
import asyncio
from concurrent.futures import ThreadPoolExecutor

def fetch():
    raise ConnectionError("server closed the connection")

async def main():
    with ThreadPoolExecutor(max_workers=1) as pool:
        print("awaiting the wrapped future")
        await asyncio.wrap_future(pool.submit(fetch))

asyncio.run(main())
