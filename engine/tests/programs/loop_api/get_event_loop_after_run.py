# Old-style code gets a loop from get_event_loop() (it makes one in the main thread); after asyncio.run() has
# set the current loop to None, get_event_loop() raises until a loop is set again.
import asyncio


async def answer():
    await asyncio.sleep(0.01)
    return 42


loop = asyncio.get_event_loop()
print(type(loop).__name__, loop is asyncio.get_event_loop())
print(loop.run_until_complete(answer()))
loop.close()
print(asyncio.run(answer()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
fresh = asyncio.new_event_loop()
asyncio.set_event_loop(fresh)
print(asyncio.get_event_loop() is fresh, fresh.run_until_complete(answer()))
fresh.close()
