# A crawler that follows links with at most two requests in flight: a semaphore bounds the connections while
# each page's links add tasks to the group. The simulated httpbin.org answers each page after a delay of its
# own (/delay/N), so you can watch who waits for the network and who waits for the semaphore.
import asyncio

import aiohttp

LINKS = {
    "/": ["/news", "/shop", "/about"],
    "/news": ["/news/1", "/"],
    "/shop": ["/shop/hats"],
    "/about": [],
    "/news/1": [],
    "/shop/hats": [],
}
SECONDS = {"/": 1, "/news": 2, "/shop": 1, "/about": 3, "/news/1": 1, "/shop/hats": 1}


async def fetch(session, path):
    async with session.get(f"http://httpbin.org/delay/{SECONDS[path]}?page={path}") as resp:
        await resp.read()
        return resp.status, LINKS[path]


async def crawl(start, limit):
    seen = {start}
    connections = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def visit(path, group):
            async with connections:
                print(f"GET {path}")
                status, links = await fetch(session, path)
            print(f"{status} {path}: {len(links)} links")
            for link in links:
                if link not in seen:
                    seen.add(link)
                    group.create_task(visit(link, group))

        async with asyncio.TaskGroup() as group:
            group.create_task(visit(start, group))
    return seen


async def main():
    pages = await crawl("/", limit=2)
    print(f"crawled {len(pages)} pages")


asyncio.run(main())
