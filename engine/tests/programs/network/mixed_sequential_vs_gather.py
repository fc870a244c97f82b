# The same five requests one after another and all at once: the results are the same.
import asyncio

import aiohttp


async def fetch(session, i):
    async with session.get(f"http://httpbin.org/get?n={i}") as resp:
        return (await resp.json())["args"]["n"]


async def sequential():
    async with aiohttp.ClientSession() as session:
        return [await fetch(session, i) for i in range(5)]


async def concurrent():
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, i) for i in range(5)))


print(asyncio.run(sequential()))
print(asyncio.run(concurrent()))
