# CPython's loop starts tasks of its own for a server (one to resolve its host, one per accepted connection):
# the program's tasks are numbered after them.
import asyncio


async def handle(reader, writer):
    print("handler:", asyncio.current_task().get_name())
    writer.write(await reader.readline())
    await writer.drain()
    writer.close()


async def client(i):
    reader, writer = await asyncio.open_connection("127.0.0.1", 9100)
    writer.write(f"ping {i}\n".encode())
    print(asyncio.current_task().get_name(), await reader.readline())
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 9100)
    print("after start_server:", asyncio.create_task(asyncio.sleep(0)).get_name())
    async with server:
        for i in range(2):
            await client(i)
        await asyncio.gather(client(10), client(11))
    print(sorted(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())
