import socket

a, b = socket.socketpair()
b.setblocking(False)
try:
    b.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e)
print(b.getblocking(), a.getblocking())
