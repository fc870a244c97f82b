"""The simulated internet's hosts and what they answer (HTTP), shared by Interleave's HTTP clients and by
scripts/netstub.py, which serves the same answers on 127.0.0.1 for CPython when the corpus is blessed."""

import json

# Hosts that fail as DNS does: reserved names (RFC 2606, 6761) and names without a dot.
_NO_DNS = ('.invalid', '.test', '.example', '.local', '.localhost', '.internal')

_REASONS = {
    200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found',
    304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
    405: 'Method Not Allowed', 408: 'Request Timeout', 418: "I'm a Teapot", 429: 'Too Many Requests',
    500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
}


def known(host):
    host = host.lower().rstrip('.')
    if '.' not in host or host.endswith(_NO_DNS):
        return False
    return all(part and all(c.isalnum() or c == '-' for c in part) for part in host.split('.'))


def address(host):
    if host.lower() in ('example.com', 'www.example.com'):
        return '93.184.215.14'
    n = sum(ord(c) * (i + 1) for i, c in enumerate(host.lower()))
    return f'198.51.{n // 256 % 256}.{n % 256}'


def reason(status):
    return _REASONS.get(status, 'Unknown')


def split_url(url):
    """(scheme, host, port, path with query) of an http(s) URL; ValueError for anything else."""
    scheme, sep, rest = url.partition('://')
    if not sep or scheme.lower() not in ('http', 'https'):
        raise ValueError(url)
    scheme = scheme.lower()
    hostport, slash, path = rest.partition('/')
    path = '/' + path
    host, colon, port = hostport.partition(':')
    port = int(port) if colon and port else (443 if scheme == 'https' else 80)
    return scheme, host.lower(), port, path


def _page(host, path):
    return (
        '<!doctype html>\n<html>\n<head><title>' + host + '</title></head>\n<body>\n<h1>' + host
        + '</h1>\n<p>You asked for ' + path + '.</p>\n</body>\n</html>\n'
    ).encode()


def _args(query):
    args = {}
    for pair in query.split('&'):
        if pair:
            k, _, v = pair.partition('=')
            args[k] = v
    return args


def _json(obj):
    return json.dumps(obj, indent=2, sort_keys=True).encode() + b'\n'


def answer(method, host, path, body=b''):
    """(status, content type, body, seconds the server takes) for a request."""
    route, _, query = path.partition('?')
    url = 'http://' + host + path
    if host in ('httpbin.org', 'www.httpbin.org'):
        parts = route.strip('/').split('/')
        head = parts[0]
        arg = parts[1] if len(parts) > 1 else ''
        if head in ('get', 'anything') or (head == 'delay' and arg.isdigit()):
            if head == 'get' and method != 'GET':
                return 405, 'text/html', b'', 0
            delay = min(int(arg), 10) if head == 'delay' else 0
            return 200, 'application/json', _json({'args': _args(query), 'method': method, 'url': url}), delay
        if head in ('post', 'put', 'patch', 'delete'):
            if method != head.upper():
                return 405, 'text/html', b'', 0
            text = body.decode('utf-8', 'replace')
            try:
                parsed = json.loads(text) if text else None
            except ValueError:
                parsed = None
            return 200, 'application/json', _json({'args': _args(query), 'data': text, 'json': parsed, 'url': url}), 0
        if head == 'status' and arg.isdigit():
            return int(arg), 'text/plain', b'', 0
        if head == 'bytes' and arg.isdigit():
            return 200, 'application/octet-stream', bytes(i % 256 for i in range(min(int(arg), 102400))), 0
        if head == 'json':
            return 200, 'application/json', _json({'slideshow': {'author': 'Yours Truly', 'title': 'Sample Slide Show', 'slides': [{'title': 'Wake up to WonderWidgets!', 'type': 'all'}, {'title': 'Overview', 'type': 'all', 'items': ['Why WonderWidgets are great', 'Who buys WonderWidgets']}]}}), 0
        if head == 'uuid':
            return 200, 'application/json', _json({'uuid': '3f6e1a9c-5b2d-4e8f-9a7c-1d2e3f4a5b6c'}), 0
        if head == 'ip':
            return 200, 'application/json', _json({'origin': '203.0.113.7'}), 0
        if head in ('', 'html'):
            return 200, 'text/html; charset=utf-8', _page(host, path), 0
        return 404, 'text/html', b'<h1>Not Found</h1>\n', 0
    return 200, 'text/html; charset=utf-8', _page(host, path), 0


# What follows runs in the engine only: the clients' side of a request, on the simulated network's clock.

def plan(method, url, body, connect_timeout, read_timeout, reused):
    """The steps of a request: ('wait', seconds) on the network, then how it ends: ('ok', status, content
    type, body), ('dns',), ('refused',), ('reset',), ('connect-timeout',) or ('read-timeout',)."""
    import _il_net
    scheme, host, port, path = split_url(url)
    if _il_net.loopback(host):
        # The program's own server, if it has one: asked over the simulated sockets (fetch_local).
        return host, [('local', port, path)]
    if not known(host):
        return host, [('dns',)]
    lat = _il_net.latency(host)
    fail = _il_net.failure()
    steps = []
    if not reused:
        if connect_timeout is not None and 2 * lat > connect_timeout:
            return host, [('wait', connect_timeout), ('connect-timeout',)]
        steps.append(('wait', 2 * lat))
    if fail == 'reset':
        steps.append(('wait', lat))
        steps.append(('reset',))
        return host, steps
    status, ctype, data, delay = answer(method, host, path, body)
    first = 2 * lat + delay + _il_net.wire(len(body) + 120)
    if fail == 'timeout':
        # The host never answers: the client's timeout ends the wait (a minute when it has none).
        first = 60.0 if read_timeout is None else read_timeout + 1
    if read_timeout is not None and first > read_timeout:
        steps.append(('wait', read_timeout))
        steps.append(('read-timeout',))
        return host, steps
    length = len(data)
    if method == 'HEAD':
        data = b''
    steps.append(('wait', first + _il_net.wire(len(data) + 120)))
    steps.append(('ok', status, ctype, data, length))
    return host, steps


def wait(host, seconds):
    """Blocks the running thread for `seconds` spent waiting for `host`."""
    import _il_net
    _il_net.wait(host, _il_net.after(seconds))


async def async_wait(host, seconds):
    """Awaits `seconds` spent waiting for `host`, in an asyncio task."""
    import asyncio
    import _il_net
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    handle = loop.call_later(seconds, _resolve, fut)
    _il_net.waiting(host)
    try:
        await fut
    finally:
        handle.cancel()


def _resolve(fut):
    if not fut.done():
        fut.set_result(None)


def encode_params(params):
    if not params:
        return ''
    if isinstance(params, str):
        return params
    items = params.items() if isinstance(params, dict) else params
    return '&'.join(f'{quote(str(k), "")}={quote(str(v), "")}'.replace('%20', '+') for k, v in items)


_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~'


def quote(s, safe='/'):
    out = []
    for b in s.encode():
        c = chr(b)
        out.append(c if c in _SAFE or c in safe else f'%{b:02X}')
    return ''.join(out)


def with_params(url, params):
    q = encode_params(params)
    if not q:
        return url
    return url + ('&' if '?' in url else '?') + q


class Headers(dict):
    """Response headers, looked up without regard to case."""

    def __init__(self, items=()):
        super().__init__()
        self._names = {}
        for k, v in dict(items).items():
            self[k] = v

    def __setitem__(self, k, v):
        self._names[k.lower()] = k
        super().__setitem__(k, v)

    def __getitem__(self, k):
        return super().__getitem__(self._names.get(k.lower(), k))

    def __contains__(self, k):
        return k.lower() in self._names

    def get(self, k, default=None):
        return self[k] if k in self else default


def headers_of(ctype, data, length=None):
    return Headers({'Content-Type': ctype, 'Content-Length': str(len(data) if length is None else length)})


def fetch_local(method, host, port, path, body, timeout, agent):
    """A request to the program's own server on the loopback over the simulated sockets, blocking the thread
    (the server runs in another one): how it ends, as plan's last step, with ('ok', status, content type, body,
    length, headers)."""
    import socket
    s = socket.socket()
    s.settimeout(timeout)
    try:
        try:
            s.connect(('127.0.0.1', port))
        except ConnectionRefusedError:
            return ('refused',)
        except TimeoutError:
            return ('connect-timeout',)
        head = f'{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: {agent}\r\nAccept: */*\r\n'
        if body or method in ('POST', 'PUT', 'PATCH'):
            head += f'Content-Length: {len(body)}\r\n'
        s.sendall(head.encode() + b'Connection: close\r\n\r\n' + body)
        data = b''
        want = None
        try:
            while want is None or len(data) < want:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
                end = data.find(b'\r\n\r\n')
                if want is None and end >= 0:
                    top = data[:end].decode('utf-8', 'replace')
                    for line in top.split('\r\n')[1:]:
                        k, _, v = line.partition(':')
                        if k.strip().lower() == 'content-length':
                            want = len(top) + 4 + int(v.strip())
        except TimeoutError:
            return ('read-timeout',)
        except ConnectionResetError:
            return ('reset',)
    finally:
        s.close()
    end = data.find(b'\r\n\r\n')
    end = len(data) if end < 0 else end
    lines = data[:end].decode('utf-8', 'replace').split('\r\n')
    data = data[end + 4:]
    parts = lines[0].split(' ', 2)
    if len(parts) < 2 or not parts[1].isdigit():
        return ('reset',)
    headers = Headers()
    for line in lines[1:]:
        k, _, v = line.partition(':')
        headers[k.strip()] = v.strip()
    if method == 'HEAD':
        data = b''
    return ('ok', int(parts[1]), headers.get('Content-Type', ''), data, len(data), headers)
