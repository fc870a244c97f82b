"""The loop's sock_* methods fail as the socket does: a refused connection (reported through the socket's
error, as Linux does), a receive on a socket that is not connected."""
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    s = socket.socket()
    s.setblocking(False)
    try:
        await loop.sock_connect(s, ("127.0.0.1", 9425))
    except ConnectionRefusedError as e:
        print("refused:", e)
    s.close()
    u = socket.socket()
    u.setblocking(False)
    try:
        await loop.sock_recv(u, 10)
    except OSError as e:
        print(type(e).__name__, e)
    u.close()
    try:
        await loop.sock_recv(u, 10)
    except OSError as e:
        print("closed:", type(e).__name__, e)


asyncio.run(main())
