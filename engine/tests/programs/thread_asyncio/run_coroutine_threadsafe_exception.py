# An exception in a coroutine submitted with run_coroutine_threadsafe is re-raised by result() in the thread.
import asyncio

async def failing():
    await asyncio.sleep(0.05)
    raise LookupError("not found")

def thread_body(loop):
    future = asyncio.run_coroutine_threadsafe(failing(), loop)
    try:
        future.result(timeout=2)
    except LookupError as e:
        return f"thread caught LookupError: {e}"

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(thread_body, loop))

asyncio.run(main())
