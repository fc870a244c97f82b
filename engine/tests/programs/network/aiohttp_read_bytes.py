import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("http://httpbin.org/bytes/20") as resp:
            body = await resp.read()
            print(resp.content_type, len(body), list(body[:6]))
        resp = await session.get("http://httpbin.org/get", params={"a": "b c"})
        print((await resp.json())["args"])
        resp.release()
    print(session.closed)


asyncio.run(main())
