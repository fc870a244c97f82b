"""add_reader on a socket and on its file descriptor: the callback runs while data waits, until removed."""
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    got = []
    done = loop.create_future()

    def on_readable():
        data = a.recv(3)
        print("readable:", data)
        got.append(data)
        if data.endswith(b"!"):
            print("removed:", loop.remove_reader(a.fileno()))
            done.set_result(b"".join(got))

    loop.add_reader(a, on_readable)
    print("nothing yet")
    b.send(b"hello!")
    print("sent")
    print("joined:", await done)
    print("removed again:", loop.remove_reader(a))
    loop.add_reader(a.fileno(), print, "never called")
    print("replaced:", loop.remove_reader(a.fileno()))
    b.send(b"more")
    await asyncio.sleep(0.01)
    print("left:", a.recv(10))
    a.close()
    b.close()


asyncio.run(main())
