import asyncio

import aiohttp


async def main():
    timeout = aiohttp.ClientTimeout(total=0.5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        try:
            async with session.get("http://httpbin.org/delay/2") as resp:
                print(resp.status)
        except asyncio.TimeoutError as e:
            print("timed out", type(e).__name__, repr(e))
        async with session.get("http://httpbin.org/get") as resp:
            print(resp.status)


asyncio.run(main())
