"""create_server on a port in use, with both host and sock, and serve_forever stopped by a timeout."""
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    first = await loop.create_server(asyncio.Protocol, "127.0.0.1", 9431)
    try:
        await loop.create_server(asyncio.Protocol, "127.0.0.1", 9431)
    except OSError as e:
        print("OSError", e.errno, e)
    try:
        await loop.create_server(asyncio.Protocol, "127.0.0.1", 9432, sock=socket.socket())
    except ValueError as e:
        print("ValueError:", e)
    try:
        await loop.create_connection(asyncio.Protocol)
    except ValueError as e:
        print("ValueError:", e)
    print("serving:", first.is_serving(), type(first).__name__)
    try:
        await asyncio.wait_for(first.serve_forever(), 0.05)
    except asyncio.TimeoutError:
        print("timed out; serving:", first.is_serving())


asyncio.run(main())
