import socket

a, b = socket.socketpair()
a.sendall(b"one ")
a.sendall(b"two ")
a.sendall(b"three")
a.shutdown(socket.SHUT_WR)
chunks = []
while True:
    data = b.recv(3)
    if not data:
        break
    chunks.append(data)
print(chunks)
print(b"".join(chunks))
b.sendall(b"back")
print(a.recv(10))
