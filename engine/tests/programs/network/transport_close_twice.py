"""Closing a transport twice calls connection_lost once; writes after close are dropped, and the fifth one
is logged as CPython does."""
import asyncio


class Quiet(asyncio.Protocol):
    def connection_lost(self, exc):
        print("server: lost", exc)


class Client(asyncio.Protocol):
    lost = 0

    def connection_lost(self, exc):
        Client.lost += 1
        print("client: lost", exc, "times", Client.lost)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Quiet, "127.0.0.1", 9417)
    transport, protocol = await loop.create_connection(Client, "127.0.0.1", 9417)
    print("closing:", transport.is_closing())
    transport.close()
    print("closing:", transport.is_closing())
    transport.close()
    for i in range(6):
        transport.write(b"late")
        print("write", i, "after close")
    await asyncio.sleep(0.01)
    transport.close()
    transport.abort()
    print("lost calls:", Client.lost)
    server.close()


asyncio.run(main())
