import asyncio

def tick(loop, n):
    print("tick", n)
    if n < 3:
        loop.call_later(0.05, tick, loop, n + 1)
    else:
        loop.stop()

loop = asyncio.new_event_loop()
loop.call_soon(tick, loop, 1)
print("starting loop")
loop.run_forever()
print("loop stopped, running:", loop.is_running())
loop.close()
