# At most two downloads at a time, through an asyncio.Semaphore; results gathered in order.
import asyncio

sem = asyncio.Semaphore(2)


async def download(n):
    async with sem:
        await asyncio.sleep(0.01 * n)
        return f"file{n}"


async def main():
    print(await asyncio.gather(*(download(n) for n in range(5))))


asyncio.run(main())
