import asyncio


async def main():
    r = asyncio.StreamReader()

    async def producer():
        for part in [b"hel", b"lo\nwor", b"ld\n"]:
            await asyncio.sleep(0.01)
            r.feed_data(part)
        r.feed_eof()

    task = asyncio.create_task(producer())
    async for line in r:
        print(line)
    await task


asyncio.run(main())
