import asyncio


async def noop(reader, writer):
    writer.close()


async def main():
    first = await asyncio.start_server(noop, "127.0.0.1", 0)
    port = first.sockets[0].getsockname()[1]
    try:
        await asyncio.start_server(noop, "127.0.0.1", port)
    except OSError as e:
        print(type(e).__name__, e.errno)
        print(str(e).replace(str(port), "PORT"))
    first.close()
    await first.wait_closed()


asyncio.run(main())
