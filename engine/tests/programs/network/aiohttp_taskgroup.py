import asyncio

import aiohttp


async def fetch(session, url):
    async with session.get(url) as resp:
        resp.raise_for_status()
        return resp.status


async def main():
    async with aiohttp.ClientSession() as session:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fetch(session, "http://httpbin.org/get"))
                tg.create_task(fetch(session, "http://httpbin.org/status/500"))
        except* aiohttp.ClientResponseError as eg:
            for e in eg.exceptions:
                print("failed:", e.status)


asyncio.run(main())
