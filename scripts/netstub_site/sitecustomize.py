"""Used only when blessing the network corpus (scripts/netstub.py): every host Interleave's simulated internet
knows resolves to the local stand-in, the others fail as DNS does; the loopback is left as it is."""

import os
import socket
import sys

_PORT = int(os.environ["IL_NETSTUB_PORT"])
sys.path.append(os.environ["IL_WEB"])
import _il_web  # noqa: E402

sys.path.remove(os.environ["IL_WEB"])
del sys.modules["_il_web"]
_real = socket.getaddrinfo


def _loopback(host):
    return host in (None, "", "localhost", "0.0.0.0") or str(host).startswith("127.")


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    if isinstance(host, bytes):
        host = host.decode()
    if _loopback(host):
        return _real(host, port, family, type, proto, flags)
    if not _il_web.known(host):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return _real("127.0.0.1", _PORT, socket.AF_INET, type, proto, flags)


socket.getaddrinfo = getaddrinfo
