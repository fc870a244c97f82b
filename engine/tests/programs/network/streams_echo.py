import asyncio


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
    data = await reader.readline()
    message = data.decode().strip()
    print(f"Received {message!r}")
    writer.write(f"echo: {message}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"hello {i}\n".encode())
    await writer.drain()
    line = await reader.readline()
    print(f"client {i} got {line.decode().strip()!r}")
    print(await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await asyncio.gather(*(client(port, i) for i in range(3)))
    print(server.is_serving())


asyncio.run(main())
