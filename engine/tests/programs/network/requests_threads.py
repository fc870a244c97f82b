# Fetching pages from a thread pool: the threads wait for the network together.
from concurrent.futures import ThreadPoolExecutor

import requests

urls = [f"http://httpbin.org/get?page={i}" for i in range(6)]


def fetch(url):
    return requests.get(url).json()["args"]["page"]


with ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(fetch, urls)))
