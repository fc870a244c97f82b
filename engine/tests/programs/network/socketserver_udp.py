import socket
import socketserver


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data[::-1], self.client_address)


with socketserver.UDPServer(("127.0.0.1", 0), Echo) as server:
    c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    c.sendto(b"stressed", server.server_address)
    server.handle_request()
    print(c.recvfrom(100)[0])
    server.timeout = 0.1
    server.handle_request()
    print("no request within the timeout")
