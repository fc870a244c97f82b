"""A socket accepted by the program itself, handed to a Protocol with connect_accepted_socket."""
import asyncio
import socket


class Greeter(asyncio.Protocol):
    def connection_made(self, transport):
        print("greeter: made, peer host", transport.get_extra_info("peername")[0])
        transport.write(b"welcome\n")

    def data_received(self, data):
        print("greeter: got", data)

    def eof_received(self):
        print("greeter: eof")

    def connection_lost(self, exc):
        print("greeter: lost", exc)


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 9429))
    listener.listen()
    listener.setblocking(False)
    reader, writer = await asyncio.open_connection("127.0.0.1", 9429)
    conn, _ = await loop.sock_accept(listener)
    transport, protocol = await loop.connect_accepted_socket(Greeter, conn)
    print("main:", type(protocol).__name__, transport.is_closing())
    print("client read:", await reader.readline())
    writer.write(b"thanks")
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.01)
    listener.close()
    print("end")


asyncio.run(main())
