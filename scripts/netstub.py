#!/usr/bin/env python3
"""A local stand-in for Interleave's simulated internet, so that CPython can run the network corpus.

It serves, on 127.0.0.1, exactly what the engine's simulated hosts answer (the answers come from the same
file, `engine/src/modules/_il_web.py`), whatever host a request names in its `Host` header. Programs reach
it through `netstub_site/sitecustomize.py`, which resolves every host the simulated internet knows to the
stand-in and fails the others as DNS does, so that `requests`, `aiohttp` and `urllib` run unchanged.

    scripts/netstub.py [PORT]     serve until interrupted (PORT: 0 picks a free one, printed)

`scripts/bless.py` starts it by itself for `engine/tests/programs/network/` (see `serve_in_background`).
"""

import http.server
import sys
import threading
import time
from pathlib import Path


def _load_il_web():
    """The engine's `_il_web.py`, loaded from its file alone: putting its folder on sys.path would let the
    runtime's other modules (its `aiohttp`, `threading`, ...) shadow the real ones in this process."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "engine" / "src" / "modules" / "_il_web.py"
    spec = importlib.util.spec_from_file_location("_il_web", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_il_web = _load_il_web()

SITE = Path(__file__).resolve().parent / "netstub_site"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _answer(self):
        host = (self.headers.get("Host") or "localhost").split(":")[0].lower()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        status, ctype, data, delay = _il_web.answer(self.command, host, self.path, body)
        if delay:
            time.sleep(delay)
        self.send_response(status, _il_web.reason(status))
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _answer


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog of 5 made some of ten simultaneous connections wait for a SYN retry (a
    # second on Linux), which the simulated internet never does.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # A client that timed out (the corpus's timeout programs) closed before its answer: not an error here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve_in_background(port=0):
    """Starts the stand-in on a thread; returns its port."""
    server = Server(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def env_for(port):
    """What a CPython process needs in its environment to reach the stand-in."""
    return {"PYTHONPATH": str(SITE), "IL_NETSTUB_PORT": str(port), "IL_WEB": str(Path(_il_web.__file__).parent)}


if __name__ == "__main__":
    server = Server(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler)
    print(f"serving the simulated internet on 127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
