"""sock_recv_into fills a buffer the program owns; a client sends in two parts."""
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 9426))
    listener.listen()
    listener.setblocking(False)
    client = socket.socket()
    client.setblocking(False)
    accepting = asyncio.create_task(loop.sock_accept(listener))
    await loop.sock_connect(client, ("127.0.0.1", 9426))
    conn, _ = await accepting
    buf = bytearray(8)
    reading = asyncio.create_task(loop.sock_recv_into(conn, buf))
    await asyncio.sleep(0)
    print("reading done?", reading.done())
    await loop.sock_sendall(client, b"abc")
    n = await reading
    print(n, buf)
    await loop.sock_sendall(client, b"defghijklm")
    await asyncio.sleep(0.01)
    n = await loop.sock_recv_into(conn, buf)
    print(n, buf)
    print(await loop.sock_recv(conn, 100))
    client.close()
    print(await loop.sock_recv(conn, 100))
    for s in (conn, listener):
        s.close()


asyncio.run(main())
