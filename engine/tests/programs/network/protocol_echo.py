"""An echo server and a client, both asyncio Protocols: the callbacks' order."""
import asyncio


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print("server: connection from", transport.get_extra_info("peername")[0])

    def data_received(self, data):
        print("server got", data)
        self.transport.write(data.upper())

    def eof_received(self):
        print("server: eof")

    def connection_lost(self, exc):
        print("server: lost", exc)


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        print("client: connected")
        transport.write(b"hello")
        self.transport = transport

    def data_received(self, data):
        print("client got", data)
        self.transport.close()

    def connection_lost(self, exc):
        print("client: lost", exc)
        self.done.set_result(True)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 9411)
    print("serving", server.sockets[0].getsockname())
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), "127.0.0.1", 9411)
    print("created", type(transport).__name__, type(protocol).__name__)
    await done
    await asyncio.sleep(0.01)
    server.close()
    await server.wait_closed()
    print("done")


asyncio.run(main())
