# An echo server and three clients in one program, over the simulated loopback. Each client connects,
# sends a line and reads the answer; the server handles each connection in a task of its own. Arrows on
# the timeline join each send to the read that takes it.
import asyncio


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")[0]
    line = await reader.readline()
    print(f"server: {line.decode().strip()!r} from {peer}")
    writer.write(line.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(name, port, delay):
    await asyncio.sleep(delay)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"hello from {name}\n".encode())
    await writer.drain()
    answer = await reader.readline()
    print(f"{name} got {answer.decode().strip()!r}")
    writer.close()
    await writer.wait_closed()


async def main():
    # Port 0: the system picks a free port, which the server's socket tells.
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await asyncio.gather(client("alice", port, 0), client("bob", port, 0.1), client("carol", port, 0.2))
    print("server closed")


asyncio.run(main())
