"""UDP with DatagramProtocols: a pong server and a ping client bouncing a counter three times."""
import asyncio


class Pong(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
        print("pong: ready")

    def datagram_received(self, data, addr):
        print("pong: got", data, "from", addr[0])
        self.transport.sendto(b"pong " + data.split()[1], addr)


class Ping(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done
        self.n = 0

    def connection_made(self, transport):
        self.transport = transport
        print("ping: ready, peer", transport.get_extra_info("peername"))
        transport.sendto(b"ping 0")

    def datagram_received(self, data, addr):
        print("ping: got", data)
        self.n += 1
        if self.n == 3:
            self.transport.close()
        else:
            self.transport.sendto(b"ping " + str(self.n).encode())

    def error_received(self, exc):
        print("ping: error", exc)

    def connection_lost(self, exc):
        print("ping: closed", exc)
        self.done.set_result(self.n)


async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(Pong, local_addr=("127.0.0.1", 9421))
    print("main: server", type(server).__name__)
    done = loop.create_future()
    await loop.create_datagram_endpoint(lambda: Ping(done), remote_addr=("127.0.0.1", 9421))
    print("main: exchanged", await done)
    server.close()
    await asyncio.sleep(0)
    print("main: closing", server.is_closing())


asyncio.run(main())
