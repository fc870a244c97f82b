# `totals[key] = totals[key] + await ...` reads the item before the await and writes it after.
import asyncio

totals = {"bytes": 0}


async def fetch_size(n):
    await asyncio.sleep(0.01 * n)
    return n * 100


async def download(n):
    totals["bytes"] = totals["bytes"] + await fetch_size(n)


async def main():
    await asyncio.gather(download(1), download(2))
    print(totals)


asyncio.run(main())
