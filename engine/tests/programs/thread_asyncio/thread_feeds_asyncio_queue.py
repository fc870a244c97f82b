# A thread feeds an asyncio.Queue through call_soon_threadsafe(queue.put_nowait, item).
import asyncio
import threading
import time

def producer(loop, queue):
    for i in range(3):
        time.sleep(0.05)
        loop.call_soon_threadsafe(queue.put_nowait, i)
    loop.call_soon_threadsafe(queue.put_nowait, None)

async def main():
    queue = asyncio.Queue()
    threading.Thread(target=producer, args=(asyncio.get_running_loop(), queue)).start()
    while (item := await queue.get()) is not None:
        print("coroutine got", item)
    print("producer finished")

asyncio.run(main())
