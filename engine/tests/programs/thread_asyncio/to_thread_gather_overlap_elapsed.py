# Three to_thread calls sleeping 0.3 s each overlap: gathering them takes about 0.3 s, well under 0.9 s.
import asyncio
import time

async def main():
    start = time.monotonic()
    await asyncio.gather(*(asyncio.to_thread(time.sleep, 0.3) for _ in range(3)))
    elapsed = time.monotonic() - start
    print("overlapped (under 0.6 s):", elapsed < 0.6)

asyncio.run(main())
