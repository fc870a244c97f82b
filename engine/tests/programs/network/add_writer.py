"""add_writer: the callback runs once per loop iteration while the socket can be written, until removed;
a connecting socket becomes writable when its connection is made."""
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 9428))
    listener.listen()
    c = socket.socket()
    c.setblocking(False)
    try:
        c.connect(("127.0.0.1", 9428))
    except BlockingIOError as e:
        print("connecting:", e.errno)
    calls = []
    done = loop.create_future()

    def writable(tag):
        calls.append(tag)
        print("writable", tag, len(calls))
        if len(calls) == 3:
            print("removed:", loop.remove_writer(c))
            done.set_result(None)

    loop.add_writer(c, writable, "c")
    loop.call_soon(print, "a callback")
    await asyncio.sleep(0)
    print("after one turn")
    await done
    print("removed again:", loop.remove_writer(c.fileno()))
    print("peer:", c.getpeername()[0])
    c.close()
    listener.close()


asyncio.run(main())
