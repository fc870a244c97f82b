# An asyncio server; a blocking socket client in a thread (asyncio.to_thread).
import asyncio
import socket


async def handle(reader, writer):
    data = await reader.read(100)
    writer.write(data * 2)
    await writer.drain()
    writer.close()


def blocking_client(port):
    with socket.create_connection(("127.0.0.1", port)) as c:
        c.sendall(b"ab")
        return c.recv(100)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(await asyncio.to_thread(blocking_client, port))
    server.close()


asyncio.run(main())
