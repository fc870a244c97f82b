import asyncio

async def nothing():
    pass

loop = asyncio.new_event_loop()
loop.close()
coro = nothing()
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError:", e)
loop.close()
print("closing twice is fine")
