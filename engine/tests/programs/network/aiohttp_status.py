import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        for code in [200, 404, 500]:
            async with session.get(f"http://httpbin.org/status/{code}") as resp:
                print(resp.status, resp.reason)
                try:
                    resp.raise_for_status()
                except aiohttp.ClientResponseError as e:
                    print("  ", e.status, e.message)
                    print("  ", e)


asyncio.run(main())
