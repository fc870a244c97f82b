# Timeouts and retries against a slow host: the server takes three seconds to answer. Each attempt waits
# twice as long as the one before, until one is patient enough. Change the host's delay, or the timeout, and
# run again.
import asyncio

import aiohttp

SLOW = "http://httpbin.org/delay/3"


async def fetch_with_retries(session, url, timeout=1.0, attempts=4):
    for attempt in range(1, attempts + 1):
        try:
            async with asyncio.timeout(timeout):
                async with session.get(url) as resp:
                    return await resp.json()
        except TimeoutError:
            print(f"attempt {attempt}: no answer within {timeout:g} s")
            timeout *= 2
    raise TimeoutError(f"gave up after {attempts} attempts")


async def main():
    async with aiohttp.ClientSession() as session:
        page = await fetch_with_retries(session, SLOW)
        print("answered:", page["url"])


asyncio.run(main())
