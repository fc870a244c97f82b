import asyncio

served = []


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    served.append(name)
    writer.write(f"hi {name}\n".encode())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    forever = asyncio.create_task(server.serve_forever())
    for name in ["ada", "bob"]:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(name.encode() + b"\n")
        print((await reader.readline()).decode().strip())
        writer.close()
        await writer.wait_closed()
    forever.cancel()
    try:
        await forever
    except asyncio.CancelledError:
        print("serve_forever cancelled")
    print(served, server.is_serving())


asyncio.run(main())
