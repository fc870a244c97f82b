"""An echo server on the loop's sock_* methods, handling three clients that also use sock_connect,
sock_sendall and sock_recv."""
import asyncio
import socket


async def handle(loop, conn, n):
    while True:
        data = await loop.sock_recv(conn, 100)
        if not data:
            break
        print(f"server: conn {n} got {data!r}")
        await loop.sock_sendall(conn, data[::-1])
    print(f"server: conn {n} done")
    conn.close()


async def serve(loop, listener):
    tasks = []
    for n in range(3):
        conn, addr = await loop.sock_accept(listener)
        print("server: accepted", n, addr[0], conn.getblocking())
        tasks.append(asyncio.create_task(handle(loop, conn, n)))
    await asyncio.gather(*tasks)


async def client(loop, word):
    s = socket.socket()
    s.setblocking(False)
    await loop.sock_connect(s, ("127.0.0.1", 9424))
    await loop.sock_sendall(s, word.encode())
    reply = await loop.sock_recv(s, 100)
    print(f"client {word}: {reply!r}")
    s.close()


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 9424))
    listener.listen()
    listener.setblocking(False)
    server = asyncio.create_task(serve(loop, listener))
    await asyncio.gather(client(loop, "stressed"), client(loop, "drawer"), client(loop, "live"))
    await server
    listener.close()
    print("all done")


asyncio.run(main())
