import asyncio

async def instant():
    return "instant"

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    print(await asyncio.wait_for(fut, 0))
    try:
        await asyncio.wait_for(instant(), 0)
    except asyncio.TimeoutError:
        print("timed out with timeout=0")

asyncio.run(main())
