# A crawler that keeps at most three requests in flight.
import asyncio

import aiohttp

in_flight = 0
most = 0


async def fetch(session, sem, i):
    global in_flight, most
    async with sem:
        in_flight += 1
        most = max(most, in_flight)
        async with session.get(f"http://httpbin.org/get?i={i}") as resp:
            data = await resp.json()
        in_flight -= 1
        return data["args"]["i"]


async def main():
    sem = asyncio.Semaphore(3)
    async with aiohttp.ClientSession() as session:
        got = await asyncio.gather(*(fetch(session, sem, i) for i in range(9)))
    print(got)
    print("most in flight:", most)


asyncio.run(main())
