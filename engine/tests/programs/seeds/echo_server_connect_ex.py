import asyncio
import socket
class Server:
    async def handle_connection(self, reader, writer):
        while True:
            data = await reader.read(1024)
            if not data:
                break
            writer.write(data)
    async def run(self):
        loop = asyncio.get_event_loop()
        server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server_socket.bind(('localhost', 8888))
        server_socket.listen(10)
        print('Server started. Listening on port 8888.')
        while True:
            client_socket, _ = await loop.connect_ex(server_socket, None)
            writer = asyncio.StreamWriter(client_socket, {})
            await self.handle_connection(self, reader=client_socket.make_recv_stream(), writer=writer)
asyncio.run(Server().run())
