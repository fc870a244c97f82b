"""UDP through the loop: sock_sendto and sock_recvfrom between two non-blocking sockets."""
import asyncio
import socket


async def server(loop, s):
    for _ in range(3):
        data, addr = await loop.sock_recvfrom(s, 100)
        print("server got", data)
        await loop.sock_sendto(s, data * 2, addr)


async def main():
    loop = asyncio.get_running_loop()
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    a.bind(("127.0.0.1", 9427))
    a.setblocking(False)
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    b.setblocking(False)
    task = asyncio.create_task(server(loop, a))
    for word in (b"x", b"yz", b"w"):
        n = await loop.sock_sendto(b, word, ("127.0.0.1", 9427))
        data, addr = await loop.sock_recvfrom(b, 100)
        print("client sent", n, "got", data, "from", addr)
    await task
    a.close()
    b.close()


asyncio.run(main())
