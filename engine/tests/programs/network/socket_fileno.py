"""File descriptors as Linux hands them out: the lowest free one, reused after a close; inside asyncio.run the
loop's own three (its epoll and self-pipe) come first, as a transport's repr shows."""
import asyncio
import socket

a = socket.socket()
b = socket.socket()
print(a.fileno(), b.fileno())
a.close()
c = socket.socket()
print(c.fileno(), a.fileno())
b.close()
c.close()


async def main():
    loop = asyncio.get_running_loop()
    s = socket.socket()
    print("in the loop:", s.fileno())
    s.close()
    server = await loop.create_server(asyncio.Protocol, "127.0.0.1", 9435)
    print("listening:", server.sockets[0].fileno())
    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", 9435)
    print(transport)
    transport.close()
    await asyncio.sleep(0)
    print(transport)
    server.close()


asyncio.run(main())
d = socket.socket()
print("after the loop:", d.fileno())
d.close()
