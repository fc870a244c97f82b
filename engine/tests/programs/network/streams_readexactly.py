# A length-prefixed protocol over streams.
import asyncio


async def handle(reader, writer):
    while True:
        try:
            header = await reader.readexactly(4)
        except asyncio.IncompleteReadError as e:
            print("server: stream ended after", len(e.partial), "bytes")
            break
        size = int.from_bytes(header, "big")
        body = await reader.readexactly(size)
        writer.write(body[::-1])
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for msg in [b"abc", b"hello world", b""]:
        writer.write(len(msg).to_bytes(4, "big") + msg)
        await writer.drain()
        print(await reader.readexactly(len(msg)))
    writer.write_eof()
    print(await reader.read())
    writer.close()
    server.close()
    await server.wait_closed()


asyncio.run(main())
