"""requests posting JSON to the program's own socketserver (a StreamRequestHandler in a server thread), which
answers with JSON."""
import json
import socketserver
import threading

import requests


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline().decode().strip()
        length = 0
        while True:
            header = self.rfile.readline().decode().strip()
            if not header:
                break
            name, _, value = header.partition(":")
            if name.lower() == "content-length":
                length = int(value)
        data = json.loads(self.rfile.read(length)) if length else {}
        print("handler:", line.split()[:2], data)
        body = json.dumps({"sum": sum(data.get("numbers", [])), "path": line.split()[1]}).encode()
        self.wfile.write(b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n")
        self.wfile.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(("127.0.0.1", 9437), Handler) as server:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    r = requests.post("http://127.0.0.1:9437/add", json={"numbers": [1, 2, 3]})
    print(r.status_code, r.json(), r.headers["Content-Type"])
    r = requests.get("http://localhost:9437/empty")
    print(r.status_code, r.json())
    server.shutdown()
    thread.join()
print("done")
