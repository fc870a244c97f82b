import socket

srv = socket.create_server(("127.0.0.1", 0))
srv.settimeout(0.25)
try:
    srv.accept()
except TimeoutError as e:
    print("accept:", e)
srv.close()
