import socket

a, b = socket.socketpair()
b.settimeout(0.2)
print(b.gettimeout())
try:
    b.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, socket.timeout is TimeoutError)
a.sendall(b"late")
print(b.recv(10))
a.close()
b.close()
