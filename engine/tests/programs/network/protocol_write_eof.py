"""A client sends its request then write_eof(); the server answers from eof_received and keeps the
connection open by returning True, then closes it."""
import asyncio


class Summer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buf = b""

    def data_received(self, data):
        print("server: data", data)
        self.buf += data

    def eof_received(self):
        total = sum(int(x) for x in self.buf.split())
        print("server: eof, total", total, "closing?", self.transport.is_closing())
        self.transport.write(str(total).encode())
        self.transport.close()
        return True

    def connection_lost(self, exc):
        print("server: lost", exc)


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        print("client: can_write_eof", transport.can_write_eof())
        transport.write(b"1 2 3 ")
        transport.writelines([b"4 ", b"5"])
        transport.write_eof()
        try:
            transport.write(b"6")
        except RuntimeError as e:
            print("client:", e)

    def data_received(self, data):
        print("client: answer", data)

    def eof_received(self):
        print("client: eof")

    def connection_lost(self, exc):
        print("client: lost", exc)
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Summer, "127.0.0.1", 9413)
    done = loop.create_future()
    await loop.create_connection(lambda: Client(done), "127.0.0.1", 9413)
    await done
    server.close()
    print("end")


asyncio.run(main())
