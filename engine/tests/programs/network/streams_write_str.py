import asyncio


async def main():
    server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write("text, not bytes")
    except TypeError as e:
        print(e)
    writer.close()
    server.close()


asyncio.run(main())
