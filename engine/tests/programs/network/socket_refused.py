import socket

s = socket.socket()
try:
    s.connect(("127.0.0.1", 1))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror)
    print(e)
finally:
    s.close()
print(s.connect_ex(("127.0.0.1", 1)) if False else "closed")
c = socket.socket()
print(c.connect_ex(("127.0.0.1", 1)))
c.close()
