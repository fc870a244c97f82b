import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for delay in [0.3, 0.1, 0.4, 0.2]:
        loop.call_later(delay, print, f"timer {delay}")
    loop.call_at(loop.time() + 0.15, print, "call_at 0.15")
    await asyncio.sleep(0.5)
    print("all timers done")

asyncio.run(main())
