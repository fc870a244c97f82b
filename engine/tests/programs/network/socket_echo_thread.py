# A blocking echo server in a thread and a client in the main thread.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]


def serve():
    conn, addr = srv.accept()
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())


t = threading.Thread(target=serve)
t.start()
with socket.socket() as c:
    c.connect(("127.0.0.1", port))
    for word in [b"hello", b"world", b"again"]:
        c.sendall(word)
        print(c.recv(1024))
t.join()
srv.close()
print("done")
