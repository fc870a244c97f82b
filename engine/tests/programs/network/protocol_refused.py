"""create_connection to a port nobody listens on, and to a port whose server has closed."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        await loop.create_connection(asyncio.Protocol, "127.0.0.1", 9414)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno, e)
    server = await loop.create_server(asyncio.Protocol, "127.0.0.1", 9415)
    transport, protocol = await loop.create_connection(asyncio.Protocol, "127.0.0.1", 9415)
    print("connected:", type(protocol).__name__, transport.is_closing())
    transport.close()
    server.close()
    await server.wait_closed()
    try:
        await loop.create_connection(asyncio.Protocol, "127.0.0.1", 9415)
    except OSError as e:
        print(type(e).__name__, e)


asyncio.run(main())
