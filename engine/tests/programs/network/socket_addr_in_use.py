import socket

a = socket.socket()
a.bind(("127.0.0.1", 0))
port = a.getsockname()[1]
b = socket.socket()
try:
    b.bind(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e.errno, e)
a.close()
b.bind(("127.0.0.1", port))
print("bound after close")
b.close()
