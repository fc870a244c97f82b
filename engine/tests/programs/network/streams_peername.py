import asyncio


async def handle(reader, writer):
    host, port = writer.get_extra_info("peername")
    print("server sees a client on", host)
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(writer.get_extra_info("peername") == ("127.0.0.1", port))
    print(writer.get_extra_info("nothing", "default"))
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()


asyncio.run(main())
