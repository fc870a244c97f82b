import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.1)
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("rescheduled timeout fired, expired:", cm.expired())

    async with asyncio.timeout(0.1) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.2)
    print("deadline removed, expired:", cm.expired())

asyncio.run(main())
