import asyncio

running = 0


async def download(n, slots):
    global running
    async with slots:
        running += 1
        print(f"file {n}: downloading ({running} at once)")
        await asyncio.sleep(0.2 + 0.1 * (n % 3))
        running -= 1
        print(f"file {n}: done")


async def main():
    slots = asyncio.Semaphore(2)  # at most two downloads at any moment
    await asyncio.gather(*(download(n, slots) for n in range(6)))


asyncio.run(main())
