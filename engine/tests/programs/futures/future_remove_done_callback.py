import asyncio

def cb(fut):
    print("cb ran")

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(cb)
    fut.add_done_callback(cb)
    print("removed", fut.remove_done_callback(cb))
    fut.add_done_callback(cb)
    fut.set_result(None)
    await asyncio.sleep(0)
    print("done")

asyncio.run(main())
