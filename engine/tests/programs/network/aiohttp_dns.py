import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        try:
            async with session.get("http://no-such-host.invalid/") as resp:
                print(resp.status)
        except aiohttp.ClientConnectorError as e:
            print(type(e).__name__)
            print(e)
            print(isinstance(e, aiohttp.ClientError), isinstance(e, OSError))


asyncio.run(main())
