import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("http://httpbin.org/json") as resp:
            data = await resp.json()
        print(data["slideshow"]["author"])
        async with session.post("http://httpbin.org/post", json={"k": [1, 2]}) as resp:
            print((await resp.json())["json"])
        async with session.get("http://example.com/") as resp:
            try:
                await resp.json()
            except aiohttp.ContentTypeError as e:
                print(type(e).__name__, e.status, e.message)


asyncio.run(main())
