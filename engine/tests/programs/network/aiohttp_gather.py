# Ten pages at once with gather: the I/O-bound lesson.
import asyncio

import aiohttp


async def fetch(session, i):
    async with session.get(f"http://httpbin.org/get?page={i}") as resp:
        data = await resp.json()
        return int(data["args"]["page"])


async def main():
    async with aiohttp.ClientSession() as session:
        pages = await asyncio.gather(*(fetch(session, i) for i in range(10)))
    print(pages, sum(pages))


asyncio.run(main())
