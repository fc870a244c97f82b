import socket

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.connect(s.getsockname())
c.send(b"abcdefghij")
c.send(b"xyz")
print(s.recv(4))
print(s.recv(100))
