"""A DatagramProtocol whose datagram_received raises: the loop logs it as an exception in the transport's
callback, and the endpoint goes on receiving."""
import asyncio


class Picky(asyncio.DatagramProtocol):
    def datagram_received(self, data, addr):
        print("got", data)
        if data == b"bad":
            raise KeyError(data)


async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(Picky, local_addr=("127.0.0.1", 9433))
    client, _ = await loop.create_datagram_endpoint(asyncio.DatagramProtocol, remote_addr=("127.0.0.1", 9433))
    for word in (b"good", b"bad", b"fine"):
        client.sendto(word)
        await asyncio.sleep(0.01)
    print("closing:", server.is_closing())
    server.close()
    client.close()


asyncio.run(main())
