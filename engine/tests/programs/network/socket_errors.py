import socket

s = socket.socket()
s.close()
try:
    s.send(b"x")
except OSError as e:
    print(e)
print(s.fileno())
t = socket.socket()
try:
    t.recv(10)
except OSError as e:
    print(e)
try:
    t.getpeername()
except OSError as e:
    print(e)
try:
    t.bind(("127.0.0.1", 70000))
except OverflowError as e:
    print(e)
try:
    t.connect("127.0.0.1")
except TypeError as e:
    print(e)
try:
    t.settimeout(-1)
except ValueError as e:
    print(e)
