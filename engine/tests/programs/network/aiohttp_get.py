import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("http://example.com/") as resp:
            print(resp.status, resp.reason, resp.ok)
            print(resp.headers["Content-Type"])
            text = await resp.text()
            print(text.splitlines()[:4])


asyncio.run(main())
