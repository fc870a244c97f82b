# A read that times out: the server never answers.
import asyncio


async def silent(reader, writer):
    await asyncio.sleep(1)
    writer.close()


async def main():
    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await asyncio.wait_for(reader.readline(), timeout=0.1)
    except asyncio.TimeoutError:
        print("timed out waiting for a line")
    print(await reader.read())
    writer.close()
    server.close()
    await server.wait_closed()


asyncio.run(main())
