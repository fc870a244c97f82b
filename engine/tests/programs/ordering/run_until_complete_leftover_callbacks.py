import asyncio

async def job(loop):
    loop.call_soon(print, "callback scheduled by job")
    print("job done")
    return "ok"

loop = asyncio.new_event_loop()
print(loop.run_until_complete(job(loop)))
print("between runs")
loop.run_until_complete(asyncio.sleep(0))
print("second run done")
loop.close()
