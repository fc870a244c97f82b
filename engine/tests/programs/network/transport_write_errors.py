"""A transport's write wants bytes; after write_eof it refuses; an empty write sends nothing."""
import asyncio


class Server(asyncio.Protocol):
    def data_received(self, data):
        print("server: data", data)

    def eof_received(self):
        print("server: eof")


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, "127.0.0.1", 9430)
    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", 9430)
    for bad in ("text", 42, [b"a"]):
        try:
            transport.write(bad)
        except TypeError as e:
            print("TypeError:", e)
    transport.write(b"")
    transport.write(bytearray(b"ok"))
    await asyncio.sleep(0.01)
    transport.write_eof()
    transport.write_eof()
    try:
        transport.write(b"late")
    except RuntimeError as e:
        print("RuntimeError:", e)
    await asyncio.sleep(0.01)
    transport.close()
    server.close()


asyncio.run(main())
