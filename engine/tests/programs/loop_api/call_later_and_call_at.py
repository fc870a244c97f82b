import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(0.3, print, "at 0.3")
    loop.call_later(0.1, print, "at 0.1")
    loop.call_at(loop.time() + 0.2, print, "at 0.2 (call_at)")
    cancelled = loop.call_later(0.15, print, "cancelled, never printed")
    cancelled.cancel()
    print("cancelled handle:", cancelled.cancelled())
    loop.call_later(0.4, done.set_result, "finished")
    print(await done)

asyncio.run(main())
