"""requests and urllib fetching from the program's own HTTP responder, a raw socket server in a thread."""
import socket
import threading
import urllib.request

import requests

listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 9436))
listener.listen()


def serve(count):
    for n in range(count):
        conn, _ = listener.accept()
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(1024)
            line = request.split(b"\r\n")[0].decode()
            print("server:", line)
            method, path, _ = line.split()
            if path == "/missing":
                body = b"no such page"
                status = "404 Not Found"
            else:
                body = f"hello #{n} from {path}".encode()
                status = "200 OK"
            conn.sendall(
                f"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n"
                f"X-Served-By: thread\r\n\r\n".encode() + body
            )


server = threading.Thread(target=serve, args=(4,))
server.start()
r = requests.get("http://127.0.0.1:9436/first")
print(r.status_code, r.reason, repr(r.text), r.headers["content-type"], r.headers["X-Served-By"])
r = requests.get("http://127.0.0.1:9436/missing")
print(r.status_code, r.ok, r.text)
with urllib.request.urlopen("http://127.0.0.1:9436/third") as resp:
    print(resp.status, resp.read().decode(), resp.headers["Content-Length"])
try:
    urllib.request.urlopen("http://127.0.0.1:9436/missing")
except urllib.error.HTTPError as e:
    print("HTTPError", e.code, e.reason)
server.join()
listener.close()
try:
    requests.get("http://127.0.0.1:9436/gone")
except requests.ConnectionError as e:
    print("after close:", type(e).__name__)
