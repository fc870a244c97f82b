import socket
import socketserver
import threading


class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())


with socketserver.TCPServer(("127.0.0.1", 0), Upper) as server:
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    with socket.create_connection(server.server_address) as c, c.makefile("rwb") as f:
        for word in [b"alpha\n", b"beta\n"]:
            c.sendall(word)
            print(f.readline())
    server.shutdown()
    t.join()
print("shut down")
