import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.call_later(0.05, fut.set_result, "set by call_later")
print(loop.run_until_complete(fut))
task = loop.create_task(asyncio.sleep(0.01, "slept"))
print(loop.run_until_complete(task), task.get_name())
loop.close()
