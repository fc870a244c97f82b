# A plain thread wakes a coroutine waiting on asyncio.Event through call_soon_threadsafe(event.set).
import asyncio
import threading
import time

def worker(loop, event):
    time.sleep(0.2)
    print("worker: signalling the loop")
    loop.call_soon_threadsafe(event.set)

async def main():
    event = asyncio.Event()
    start = time.monotonic()
    t = threading.Thread(target=worker, args=(asyncio.get_running_loop(), event))
    t.start()
    await event.wait()
    print("coroutine woke after", round(time.monotonic() - start, 1))
    t.join()

asyncio.run(main())
