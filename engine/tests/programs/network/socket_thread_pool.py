# Clients in a thread pool against a server thread; the GIL is let go while each waits.
import socket
import threading
from concurrent.futures import ThreadPoolExecutor

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]


def serve(n):
    for _ in range(n):
        conn, _ = srv.accept()
        with conn:
            n_bytes = conn.recv(100)
            conn.sendall(str(len(n_bytes)).encode())


def ask(text):
    with socket.create_connection(("127.0.0.1", port)) as c:
        c.sendall(text.encode())
        return text, int(c.recv(10))


t = threading.Thread(target=serve, args=(4,))
t.start()
with ThreadPoolExecutor(max_workers=4) as pool:
    for text, n in pool.map(ask, ["a", "bb", "ccc", "dddd"]):
        print(text, n)
t.join()
