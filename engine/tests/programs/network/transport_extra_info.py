"""What a transport tells about its connection: sockname, peername, the socket, and defaults."""
import asyncio


class Server(asyncio.Protocol):
    def connection_made(self, transport):
        host, port = transport.get_extra_info("sockname")
        print("server: sockname", host, port)
        print("server: peer host", transport.get_extra_info("peername")[0])
        sock = transport.get_extra_info("socket")
        print("server: socket", sock.family, sock.type, sock.getsockname() == (host, port))
        print("server: missing", transport.get_extra_info("cipher"), transport.get_extra_info("cipher", "none"))
        print("server: protocol is self", transport.get_protocol() is self)
        transport.close()


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, "127.0.0.1", 9419)
    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", 9419)
    print("client: peername", transport.get_extra_info("peername"))
    print("client: sockname host", transport.get_extra_info("sockname")[0])
    print("client: reading", transport.is_reading())
    await asyncio.sleep(0.01)
    transport.close()
    server.close()


asyncio.run(main())
