# asyncio.wait_for around a request cancels it at the deadline.
import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        try:
            await asyncio.wait_for(session.get("http://httpbin.org/delay/5"), timeout=0.3)
        except asyncio.TimeoutError:
            print("gave up")
        resp = await asyncio.wait_for(session.get("http://example.com/"), timeout=5)
        print(resp.status)


asyncio.run(main())
