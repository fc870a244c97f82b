import asyncio

# A pretend web site: each page and the pages it links to.
SITE = {
    "/": ["/news", "/shop", "/about"],
    "/news": ["/news/1", "/news/2", "/"],
    "/shop": ["/shop/hats", "/shop/socks"],
    "/about": ["/"],
    "/news/1": ["/news/2"],
    "/news/2": [],
    "/shop/hats": ["/shop/socks"],
    "/shop/socks": [],
}


async def fetch(path):
    await asyncio.sleep(0.1 * (1 + len(path) % 3))  # network delay
    return SITE.get(path, [])


async def crawl(start, limit):
    seen = {start}
    connections = asyncio.Semaphore(limit)

    async def visit(path, group):
        async with connections:
            print(f"GET {path}")
            links = await fetch(path)
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
