# Results as they come: slower endpoints finish later.
import asyncio

import aiohttp


async def fetch(session, delay):
    async with session.get(f"http://httpbin.org/delay/{delay}") as resp:
        await resp.json()
        return delay


async def main():
    async with aiohttp.ClientSession() as session:
        tasks = [fetch(session, d) for d in [3, 1, 2]]
        for fut in asyncio.as_completed(tasks):
            print("finished", await fut)


asyncio.run(main())
