import socket

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
addr = server.getsockname()
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(3):
    client.sendto(f"ping {i}".encode(), addr)
for i in range(3):
    data, (host, port) = server.recvfrom(1024)
    print(data, host, port == client.getsockname()[1])
    server.sendto(data.replace(b"ping", b"pong"), (host, port))
    print(client.recvfrom(1024)[0])
server.close()
client.close()
