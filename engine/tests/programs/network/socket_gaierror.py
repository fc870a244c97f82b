import socket

try:
    socket.create_connection(("no-such-host.invalid", 80))
except socket.gaierror as e:
    print(type(e).__name__, e.errno, e)
    print(isinstance(e, OSError))
