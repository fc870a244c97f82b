"""A server pauses reading as soon as a client connects and resumes later: what was sent meanwhile waits."""
import asyncio


class Slow(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        print("server: paused, reading", transport.is_reading())
        transport.pause_reading()
        asyncio.get_running_loop().call_later(0.05, self.wake)

    def wake(self):
        print("server: resuming")
        self.transport.resume_reading()
        self.transport.resume_reading()
        print("server: reading", self.transport.is_reading())

    def data_received(self, data):
        print("server: data", data)
        self.transport.write(b"ok")


class Client(asyncio.Protocol):
    def __init__(self, got):
        self.got = got

    def connection_made(self, transport):
        transport.write(b"one;")
        print("client: sent")

    def data_received(self, data):
        print("client: reply", data)
        self.got.set_result(data)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Slow, "127.0.0.1", 9420)
    got = loop.create_future()
    transport, _ = await loop.create_connection(lambda: Client(got), "127.0.0.1", 9420)
    await asyncio.sleep(0.02)
    print("main: still waiting", not got.done())
    print("main: reply", await got)
    transport.close()
    server.close()


asyncio.run(main())
