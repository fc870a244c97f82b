import asyncio

async def forever():
    await asyncio.sleep(10)

loop = asyncio.new_event_loop()
task = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(0.05))
loop.close()
print("loop closed with a pending task")
del task
print("end of program")
