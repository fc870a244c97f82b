import asyncio

async def compute(x):
    await asyncio.sleep(0.05)
    return x + 1

loop = asyncio.new_event_loop()
print(loop.run_until_complete(compute(1)))
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
