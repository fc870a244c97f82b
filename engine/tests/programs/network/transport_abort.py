"""abort() closes at once, without waiting for buffers; the other side sees the end of its stream."""
import asyncio


class Server(asyncio.Protocol):
    def connection_made(self, transport):
        print("server: made")

    def data_received(self, data):
        print("server: data", data)

    def eof_received(self):
        print("server: eof")

    def connection_lost(self, exc):
        print("server: lost", exc)


class Client(asyncio.Protocol):
    def connection_made(self, transport):
        print("client: made")
        transport.write(b"last words")
        transport.abort()
        print("client: aborted, closing", transport.is_closing())

    def connection_lost(self, exc):
        print("client: lost", exc)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, "127.0.0.1", 9418)
    await loop.create_connection(Client, "127.0.0.1", 9418)
    print("main: connected")
    await asyncio.sleep(0.01)
    server.close()
    print("end")


asyncio.run(main())
