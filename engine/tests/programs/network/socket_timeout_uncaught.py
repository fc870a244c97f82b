import socket

a, b = socket.socketpair()
b.settimeout(0.1)
b.recv(10)
