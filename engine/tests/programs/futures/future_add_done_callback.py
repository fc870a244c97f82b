import asyncio
import functools

def on_done(label, fut):
    print(label, "callback sees", fut.result())

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(functools.partial(on_done, "first"))
    fut.add_done_callback(functools.partial(on_done, "second"))
    fut.set_result(7)
    print("set_result returned; callbacks not run yet")
    await asyncio.sleep(0)
    print("after one loop iteration")
    fut.add_done_callback(functools.partial(on_done, "late"))
    await asyncio.sleep(0)

asyncio.run(main())
