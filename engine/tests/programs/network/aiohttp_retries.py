# Retries with a timeout per attempt against a slow endpoint.
import asyncio

import aiohttp


async def get_with_retries(session, url, attempts, timeout):
    for attempt in range(1, attempts + 1):
        try:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
                return resp.status
        except asyncio.TimeoutError:
            print(f"attempt {attempt} timed out")
    return None


async def main():
    async with aiohttp.ClientSession() as session:
        print(await get_with_retries(session, "http://httpbin.org/delay/3", 2, 1))
        print(await get_with_retries(session, "http://httpbin.org/delay/1", 2, 2.5))


asyncio.run(main())
