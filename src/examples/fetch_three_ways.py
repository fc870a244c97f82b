# Ten requests to a slow page (the server takes a second to answer each) three ways: one after another with
# requests, all at once with aiohttp and asyncio.gather, and with requests in a pool of ten threads. Waiting for
# the network needs no CPU and lets go of the GIL, so both concurrent versions overlap the ten waits.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import aiohttp
import requests

URLS = [f"http://httpbin.org/delay/1?page={i}" for i in range(10)]


def one_after_another():
    with requests.Session() as session:
        return [session.get(url).status_code for url in URLS]


async def fetch(session, url):
    async with session.get(url) as resp:
        return resp.status


async def all_at_once():
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, url) for url in URLS))


def in_threads():
    with ThreadPoolExecutor(max_workers=10) as pool:
        return list(pool.map(lambda url: requests.get(url).status_code, URLS))


def timed(job):
    start = time.perf_counter()
    statuses = job()
    return statuses.count(200), time.perf_counter() - start


if __name__ == "__main__":
    pages, slow = timed(one_after_another)
    print(f"one after another: {pages} pages")
    for name, job in [("asyncio.gather", lambda: asyncio.run(all_at_once())), ("10 threads", in_threads)]:
        pages, took = timed(job)
        print(f"{name}: {pages} pages,", "about ten times as fast" if slow / took > 8 else "no faster")
