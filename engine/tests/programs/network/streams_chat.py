# A server that broadcasts each client's lines to the others.
import asyncio

clients = []


async def handle(reader, writer):
    clients.append(writer)
    try:
        async for line in reader:
            for other in clients:
                if other is not writer:
                    other.write(line)
    finally:
        clients.remove(writer)
        writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    r1, w1 = await asyncio.open_connection("127.0.0.1", port)
    r2, w2 = await asyncio.open_connection("127.0.0.1", port)
    await asyncio.sleep(0.01)
    w1.write(b"hi from one\n")
    print("two got", await r2.readline())
    w2.write(b"hi from two\n")
    print("one got", await r1.readline())
    w1.close()
    w2.close()
    await asyncio.sleep(0.01)
    print(len(clients))
    server.close()


asyncio.run(main())
