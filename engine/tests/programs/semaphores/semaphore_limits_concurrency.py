import asyncio

active = 0

async def download(sem, n):
    global active
    async with sem:
        active += 1
        print(f"start {n} (active={active})")
        await asyncio.sleep(0.1 + 0.05 * n)
        active -= 1
        print(f"end {n}")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(sem, n) for n in range(5)))

asyncio.run(main())
