# Each read-modify-write of the shared dict happens between awaits, never across one.
import asyncio

counts = {}


async def crawl(page):
    for link in range(3):
        await asyncio.sleep(0.01)
        counts[page] = counts.get(page, 0) + 1
        counts["total"] = counts.get("total", 0) + link


async def main():
    await asyncio.gather(crawl("a"), crawl("b"))
    print(counts)


asyncio.run(main())
