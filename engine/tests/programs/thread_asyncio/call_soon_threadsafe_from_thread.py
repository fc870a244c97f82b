# A thread schedules callbacks on the loop with call_soon_threadsafe; they run in the loop's thread, in order.
import asyncio
import threading

def report(label):
    print(label, "ran in", threading.current_thread().name)

def thread_body(loop, done):
    for label in ("first", "second"):
        loop.call_soon_threadsafe(report, label)
    loop.call_soon_threadsafe(done.set_result, "finished")

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    threading.Thread(target=thread_body, args=(loop, done)).start()
    print(await done)

asyncio.run(main())
