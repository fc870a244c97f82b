# A thread submits a coroutine to the running loop with run_coroutine_threadsafe and waits on result().
import asyncio
import threading

async def fetch(n):
    await asyncio.sleep(0.1)
    print("coroutine ran in", threading.current_thread().name)
    return n * 10

def thread_body(loop):
    future = asyncio.run_coroutine_threadsafe(fetch(4), loop)
    print("thread got", future.result())

async def main():
    loop = asyncio.get_running_loop()
    t = threading.Thread(target=thread_body, args=(loop,), name="helper")
    t.start()
    await asyncio.sleep(0.3)
    t.join()
    print("main done")

asyncio.run(main())
