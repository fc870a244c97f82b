import asyncio

loop = asyncio.new_event_loop()

def stopper():
    print("stopper calls stop")
    loop.stop()
    loop.call_soon(print, "scheduled after stop")

loop.call_soon(print, "first")
loop.call_soon(stopper)
loop.call_soon(print, "same batch as stop")
loop.run_forever()
print("run_forever returned")
loop.call_soon(loop.stop)
loop.run_forever()
print("second run_forever returned")
loop.close()
