"""A datagram transport's sendto: to an address, to the wrong one when connected, nothing, and not bytes."""
import asyncio


class Sink(asyncio.DatagramProtocol):
    def datagram_received(self, data, addr):
        print("sink: got", data)


async def main():
    loop = asyncio.get_running_loop()
    sink, _ = await loop.create_datagram_endpoint(Sink, local_addr=("127.0.0.1", 9422))
    free, _ = await loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=("127.0.0.1", 0))
    free.sendto(b"to an address", ("127.0.0.1", 9422))
    free.sendto(b"")
    tied, _ = await loop.create_datagram_endpoint(asyncio.DatagramProtocol, remote_addr=("127.0.0.1", 9422))
    tied.sendto(b"tied")
    try:
        tied.sendto(b"x", ("127.0.0.1", 9423))
    except ValueError as e:
        print("ValueError:", e)
    try:
        tied.sendto("text")
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(0.01)
    for t in (sink, free, tied):
        t.close()
    await asyncio.sleep(0)


asyncio.run(main())
