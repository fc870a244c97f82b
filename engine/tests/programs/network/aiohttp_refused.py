import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        try:
            await session.get("http://127.0.0.1:1/")
        except aiohttp.ClientConnectorError as e:
            print(e)
        except aiohttp.ClientError as e:
            print("other", type(e).__name__)


asyncio.run(main())
