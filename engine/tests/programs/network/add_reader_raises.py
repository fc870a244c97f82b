"""An add_reader callback that raises: the loop logs "Exception in callback" with the function's place and
keeps the reader, which runs again while data waits."""
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    calls = 0

    def on_readable():
        nonlocal calls
        calls += 1
        print("readable", calls, a.recv(1))
        if calls == 1:
            raise ValueError("first byte")
        if calls == 2:
            loop.remove_reader(a)

    loop.add_reader(a, on_readable)
    b.send(b"xyz")
    await asyncio.sleep(0.01)
    print("left", a.recv(10))
    a.close()
    b.close()


asyncio.run(main())
