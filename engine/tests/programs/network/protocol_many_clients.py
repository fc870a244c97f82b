"""Three clients with Protocols talk to one Protocol server at once: who hears what, in which order."""
import asyncio


class Upper(asyncio.Protocol):
    count = 0

    def connection_made(self, transport):
        Upper.count += 1
        self.n = Upper.count
        self.transport = transport
        print(f"server: client {self.n} connected")

    def data_received(self, data):
        print(f"server: client {self.n} sent {data!r}")
        self.transport.write(b"re:" + data.upper())

    def connection_lost(self, exc):
        print(f"server: client {self.n} gone")


class Client(asyncio.Protocol):
    def __init__(self, name, done):
        self.name = name
        self.done = done

    def connection_made(self, transport):
        self.transport = transport
        transport.write(self.name.encode())

    def data_received(self, data):
        print(f"{self.name} got {data!r}")
        self.transport.close()

    def connection_lost(self, exc):
        self.done.set_result(self.name)


async def client(name):
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    await loop.create_connection(lambda: Client(name, done), "127.0.0.1", 9412)
    return await done


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Upper, "127.0.0.1", 9412)
    async with server:
        names = await asyncio.gather(client("ann"), client("bob"), client("cy"))
        print("finished:", names)
        await asyncio.sleep(0.01)
    print("server closed, serving:", server.is_serving())


asyncio.run(main())
