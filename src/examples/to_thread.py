# A blocking call (time.sleep, a sync library) inside a coroutine freezes every task. asyncio.to_thread runs
# it in a worker thread instead, and the ticker keeps ticking.
import asyncio
import time


def blocking_io():
    time.sleep(0.5)  # a call that blocks its thread
    return "data"


async def ticker(label):
    for i in range(5):
        print(f"{label}: tick {i}")
        await asyncio.sleep(0.1)


async def call_in_loop():
    await asyncio.sleep(0.05)
    return blocking_io()  # the loop's own thread blocks: no task runs for 0.5 s


async def call_in_thread():
    await asyncio.sleep(0.05)
    return await asyncio.to_thread(blocking_io)  # a worker thread blocks; the loop goes on


async def main():
    start = time.perf_counter()
    await asyncio.gather(ticker("blocked"), call_in_loop())
    print(f"with the call in the loop: {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    await asyncio.gather(ticker("free"), call_in_thread())
    print(f"with to_thread: {time.perf_counter() - start:.1f} s")


asyncio.run(main())
