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
