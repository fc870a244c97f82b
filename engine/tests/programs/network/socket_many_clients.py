# One server thread per connection, three client threads; results gathered in order.
import socket
import threading

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
results = {}


def handle(conn):
    with conn:
        data = conn.recv(100)
        conn.sendall(b"got " + data)


def accept_loop(n):
    threads = []
    for _ in range(n):
        conn, _ = srv.accept()
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()


def client(i):
    with socket.create_connection(("127.0.0.1", port)) as c:
        c.sendall(f"client {i}".encode())
        results[i] = c.recv(100)


acceptor = threading.Thread(target=accept_loop, args=(3,))
acceptor.start()
clients = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for t in clients:
    t.start()
for t in clients:
    t.join()
acceptor.join()
for i in sorted(results):
    print(i, results[i])
srv.close()
