import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print("callback: cancelled =", f.cancelled()))
    print(fut.cancel("no longer needed"), fut.cancelled(), fut.done())
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("result() raised CancelledError", e.args)
    try:
        fut.exception()
    except asyncio.CancelledError:
        print("exception() raised CancelledError")
    await asyncio.sleep(0)

asyncio.run(main())
