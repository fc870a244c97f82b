import asyncio

async def say(what, delay):
    await asyncio.sleep(delay)
    print(what)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop = asyncio.get_event_loop()
tasks = [loop.create_task(say("second", 0.2)), loop.create_task(say("first", 0.1))]
loop.run_until_complete(asyncio.wait(tasks))
loop.close()
print("loop closed")
