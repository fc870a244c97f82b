import socket
import threading

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]


def serve():
    conn, _ = srv.accept()
    with conn, conn.makefile("rw") as f:
        for line in f:
            f.write(line.strip()[::-1] + "\n")
            f.flush()


t = threading.Thread(target=serve)
t.start()
with socket.create_connection(("127.0.0.1", port)) as c:
    f = c.makefile("rw")
    for word in ["stressed", "drawer", "level"]:
        f.write(word + "\n")
        f.flush()
        print(f.readline().strip())
    c.shutdown(socket.SHUT_WR)
t.join()
