import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(("127.0.0.1", 0))
    s.listen(5)
    print(s.fileno() >= 0, s.type == socket.SOCK_STREAM, s.family == socket.AF_INET)
print(s.fileno())
