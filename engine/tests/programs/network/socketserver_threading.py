import socket
import socketserver
import threading


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(100)
        self.request.sendall(b"thread says " + data)


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever, daemon=True)
t.start()
results = []
for name in ["x", "y", "z"]:
    with socket.create_connection(server.server_address) as c:
        c.sendall(name.encode())
        results.append(c.recv(100))
print(results)
server.shutdown()
server.server_close()
