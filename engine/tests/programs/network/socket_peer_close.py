# recv returns b"" once the other end has closed and everything it sent was read.
import socket
import threading

srv = socket.create_server(("127.0.0.1", 0))


def serve():
    conn, _ = srv.accept()
    conn.sendall(b"first")
    conn.sendall(b" second")
    conn.close()


t = threading.Thread(target=serve)
t.start()
c = socket.create_connection(srv.getsockname())
t.join()
got = b""
while True:
    data = c.recv(4)
    if not data:
        break
    got += data
print(got)
print(c.recv(10))
c.close()
