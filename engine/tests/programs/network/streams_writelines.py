import asyncio


async def handle(reader, writer):
    lines = []
    async for line in reader:
        lines.append(line.decode().strip())
    print("server read", lines)
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.writelines([b"a\n", b"b\n", b"c\n"])
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    await reader.read()
    server.close()
    await server.wait_closed()


asyncio.run(main())
