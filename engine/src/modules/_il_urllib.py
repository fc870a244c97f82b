"""Interleave's urllib.request, urllib.error and urllib.parse (one module): urlopen and Request answered by
the simulated internet (`_il_web.py`), with urllib's errors, and the parse functions tutorials use."""

import _il_web


class URLError(OSError):
    __module__ = 'urllib.error'

    def __init__(self, reason, filename=None):
        self.args = (reason,)
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return f'<urlopen error {self.reason}>'


class HTTPError(URLError):
    __module__ = 'urllib.error'

    def __init__(self, url, code, msg, hdrs, fp):
        self.code = code
        self.msg = msg
        self.hdrs = hdrs
        self.fp = fp
        self.filename = url
        self.reason = msg
        self.args = (url, code, msg, hdrs, fp)

    def __str__(self):
        return f'HTTP Error {self.code}: {self.msg}'

    def __repr__(self):
        return f'<HTTPError {self.code}: {self.msg!r}>'

    @property
    def status(self):
        return self.code

    @property
    def headers(self):
        return self.hdrs

    def getcode(self):
        return self.code

    def read(self):
        return self.fp.read() if self.fp is not None else b''


class ContentTooShortError(URLError):
    __module__ = 'urllib.error'


class Request:
    def __init__(self, url, data=None, headers={}, origin_req_host=None, unverifiable=False, method=None):
        self.full_url = url
        self.data = data
        self.headers = dict(headers)
        self.method = method

    def get_method(self):
        if self.method is not None:
            return self.method
        return 'POST' if self.data is not None else 'GET'

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def get_full_url(self):
        return self.full_url


class HTTPResponse:
    def __init__(self, url, status, ctype, data):
        self.url = url
        self.status = status
        self.code = status
        self.reason = _il_web.reason(status)
        self.msg = self.reason
        self.headers = _il_web.headers_of(ctype, data)
        self._data = data
        self._pos = 0
        self.closed = False

    def __repr__(self):
        return '<http.client.HTTPResponse object>'

    def read(self, amt=None):
        end = len(self._data) if amt is None or amt < 0 else self._pos + amt
        out = self._data[self._pos:end]
        self._pos += len(out)
        return out

    def readline(self):
        i = self._data.find(b'\n', self._pos)
        end = len(self._data) if i < 0 else i + 1
        out = self._data[self._pos:end]
        self._pos = end
        return out

    def readlines(self):
        out = []
        while True:
            line = self.readline()
            if not line:
                return out
            out.append(line)

    def __iter__(self):
        return iter(self.readlines())

    def getcode(self):
        return self.status

    def geturl(self):
        return self.url

    def getheader(self, name, default=None):
        return self.headers.get(name, default)

    def getheaders(self):
        return list(self.headers.items())

    def info(self):
        return self.headers

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def urlopen(url, data=None, timeout=None, **kwargs):
    if isinstance(url, Request):
        req = url
        if data is None:
            data = req.data
    else:
        req = Request(url, data)
    full = req.full_url
    if '://' not in full:
        raise ValueError(f'unknown url type: {full!r}')
    if not full.lower().startswith(('http://', 'https://')):
        raise URLError(f'unknown url type: {full.split(":", 1)[0]}')
    if '/' not in full.split('://', 1)[1]:
        full += '/'
    if isinstance(data, str):
        raise TypeError('POST data should be bytes, an iterable of bytes, or a file object. It cannot be of type str.')
    body = bytes(data) if data is not None else b''
    method = req.get_method() if isinstance(url, Request) else ('POST' if data is not None else 'GET')
    host, steps = _il_web.plan(method, full, body, timeout, timeout, False)
    for step in steps:
        kind = step[0]
        if kind == 'local':
            step = _il_web.fetch_local(method, host, step[1], step[2], body, timeout, 'Python-urllib/3.11')
            kind = step[0]
        if kind == 'wait':
            _il_web.wait(host, step[1])
        elif kind == 'ok':
            resp = HTTPResponse(full, step[1], step[2], step[3])
            if len(step) > 5:
                resp.headers = step[5]
            if resp.status >= 400:
                raise HTTPError(full, resp.status, resp.reason, resp.headers, resp)
            return resp
        elif kind == 'dns':
            raise URLError(_gaierror())
        elif kind == 'refused':
            raise URLError(ConnectionRefusedError(111, 'Connection refused'))
        elif kind == 'reset':
            raise URLError(ConnectionResetError(104, 'Connection reset by peer'))
        elif kind == 'connect-timeout':
            raise URLError(TimeoutError('timed out'))
        else:
            raise TimeoutError('timed out')


def _gaierror():
    import socket
    return socket.gaierror(-2, 'Name or service not known')


# urllib.parse

def quote(string, safe='/', encoding=None, errors=None):
    return _il_web.quote(string, safe)


def quote_plus(string, safe=''):
    return _il_web.quote(string, safe + ' ').replace(' ', '+')


def unquote(string):
    out = b''
    i = 0
    raw = string.encode()
    while i < len(raw):
        if raw[i:i + 1] == b'%' and i + 2 < len(raw) + 1:
            try:
                out += bytes([int(raw[i + 1:i + 3], 16)])
                i += 3
                continue
            except ValueError:
                pass
        out += raw[i:i + 1]
        i += 1
    return out.decode('utf-8', 'replace')


def urlencode(query, doseq=False):
    items = query.items() if hasattr(query, 'items') else query
    parts = []
    for k, v in items:
        if doseq and isinstance(v, (list, tuple)):
            for x in v:
                parts.append(quote_plus(str(k)) + '=' + quote_plus(str(x)))
        else:
            parts.append(quote_plus(str(k)) + '=' + quote_plus(str(v)))
    return '&'.join(parts)


class ParseResult(tuple):
    def __new__(cls, scheme, netloc, path, params, query, fragment):
        return tuple.__new__(cls, (scheme, netloc, path, params, query, fragment))

    scheme = property(lambda self: self[0])
    netloc = property(lambda self: self[1])
    path = property(lambda self: self[2])
    params = property(lambda self: self[3])
    query = property(lambda self: self[4])
    fragment = property(lambda self: self[5])

    @property
    def hostname(self):
        host = self.netloc.rpartition('@')[2].partition(':')[0]
        return host.lower() or None

    @property
    def port(self):
        port = self.netloc.rpartition('@')[2].partition(':')[2]
        return int(port) if port else None

    def geturl(self):
        return urlunparse(self)

    def __repr__(self):
        return (f'ParseResult(scheme={self[0]!r}, netloc={self[1]!r}, path={self[2]!r}, params={self[3]!r}, '
                f'query={self[4]!r}, fragment={self[5]!r})')


def urlparse(url, scheme='', allow_fragments=True):
    rest = url
    sch = scheme
    if ':' in rest:
        head, _, tail = rest.partition(':')
        if head and all(c.isalnum() or c in '+-.' for c in head) and head[0].isalpha():
            sch, rest = head.lower(), tail
    netloc = ''
    if rest.startswith('//'):
        rest = rest[2:]
        cut = min([i for i in (rest.find('/'), rest.find('?'), rest.find('#')) if i >= 0] or [len(rest)])
        netloc, rest = rest[:cut], rest[cut:]
    fragment = ''
    if allow_fragments and '#' in rest:
        rest, _, fragment = rest.partition('#')
    query = ''
    if '?' in rest:
        rest, _, query = rest.partition('?')
    params = ''
    if ';' in rest.rpartition('/')[2]:
        i = rest.rfind(';')
        rest, params = rest[:i], rest[i + 1:]
    return ParseResult(sch, netloc, rest, params, query, fragment)


def urlunparse(parts):
    scheme, netloc, path, params, query, fragment = parts
    url = path
    if params:
        url += ';' + params
    if netloc or (scheme and url.startswith('/')):
        url = '//' + netloc + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url += '?' + query
    if fragment:
        url += '#' + fragment
    return url


def urljoin(base, url):
    if not base:
        return url
    if '://' in url or not url:
        return url or base
    b = urlparse(base)
    if url.startswith('//'):
        return b.scheme + ':' + url
    if url.startswith('/'):
        return urlunparse((b.scheme, b.netloc, url, '', '', ''))
    directory = b.path.rpartition('/')[0]
    return urlunparse((b.scheme, b.netloc, directory + '/' + url, '', '', ''))


def parse_qs(qs, keep_blank_values=False):
    out = {}
    for pair in qs.split('&'):
        if not pair:
            continue
        k, _, v = pair.partition('=')
        if v or keep_blank_values:
            out.setdefault(unquote(k.replace('+', ' ')), []).append(unquote(v.replace('+', ' ')))
    return out
