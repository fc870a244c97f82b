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


# The stand-in speaks plain HTTP: requests to https:// URLs of simulated hosts go to it as http://, as
# Interleave's clients answer both alike (only the URL a response reports keeps its https).
def _plain(url):
    text = str(url)
    if text.lower().startswith("https://"):
        host = text[8:].split("/")[0].split(":")[0]
        if not _loopback(host):
            return "http://" + text[8:], True
    return url, False


def _patch_requests(module):
    original = module.Session.request

    def request(self, method, url, *args, **kwargs):
        url, was = _plain(url)
        resp = original(self, method, url, *args, **kwargs)
        if was:
            resp.url = "https://" + resp.url[7:]
        return resp

    module.Session.request = request


def _patch_aiohttp(module):
    original = module.ClientSession._request

    async def _request(self, method, url, *args, **kwargs):
        return await original(self, method, _plain(url)[0], *args, **kwargs)

    module.ClientSession._request = _request


def _patch_urllib(module):
    original = module.urlopen

    def urlopen(url, *args, **kwargs):
        if isinstance(url, str):
            url = _plain(url)[0]
        elif isinstance(url, module.Request):
            url.full_url = _plain(url.full_url)[0]
        return original(url, *args, **kwargs)

    module.urlopen = urlopen


_PATCHES = {"requests.sessions": _patch_requests, "aiohttp.client": _patch_aiohttp, "urllib.request": _patch_urllib}


class _AfterImport:
    """Patches a module of _PATCHES right after it is first imported."""

    def find_spec(self, name, path=None, target=None):
        if name not in _PATCHES:
            return None
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            _PATCHES[name](module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _AfterImport())
