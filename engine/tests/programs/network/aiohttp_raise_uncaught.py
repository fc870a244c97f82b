import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        async with session.get("http://httpbin.org/status/418") as resp:
            print("not reached", resp.status)


asyncio.run(main())
