"""A protocol whose data_received raises: the loop logs the fatal error and the transport is closed, with
connection_lost given the exception."""
import asyncio


class Broken(asyncio.Protocol):
    def __repr__(self):
        return "<Broken>"

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        print("server: got", data)
        raise ValueError(f"cannot handle {data!r}")

    def connection_lost(self, exc):
        print("server: lost", repr(exc))


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        transport.write(b"boom")

    def eof_received(self):
        print("client: eof")

    def connection_lost(self, exc):
        print("client: lost", exc)
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Broken, "127.0.0.1", 9416)
    done = loop.create_future()
    await loop.create_connection(lambda: Client(done), "127.0.0.1", 9416)
    await done
    server.close()
    print("end")


asyncio.run(main())
