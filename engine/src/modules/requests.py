"""Interleave's `requests`: what tutorials use of it (get, post, Session, Response, its exceptions), answered
by the simulated internet (`_il_web.py`) on the simulated network's clock, with the errors requests 2.x gives."""

import json as _json
import _il_web

__version__ = '2.32.3'


class RequestException(OSError):
    __module__ = 'requests.exceptions'

    def __init__(self, *args, response=None, request=None):
        super().__init__(*args)
        self.response = response
        self.request = request


class HTTPError(RequestException):
    __module__ = 'requests.exceptions'


class ConnectionError(RequestException):
    __module__ = 'requests.exceptions'


class Timeout(RequestException):
    __module__ = 'requests.exceptions'


class ConnectTimeout(ConnectionError, Timeout):
    __module__ = 'requests.exceptions'


class ReadTimeout(Timeout):
    __module__ = 'requests.exceptions'


class TooManyRedirects(RequestException):
    __module__ = 'requests.exceptions'


class InvalidURL(RequestException, ValueError):
    __module__ = 'requests.exceptions'


class MissingSchema(RequestException, ValueError):
    __module__ = 'requests.exceptions'


class InvalidSchema(RequestException, ValueError):
    __module__ = 'requests.exceptions'


class JSONDecodeError(RequestException, ValueError):
    __module__ = 'requests.exceptions'


class _Exceptions:
    pass


# urllib3's exceptions, which requests chains its own to, as a traceback shows them.
class _Urllib3Error(Exception):
    __module__ = 'urllib3.exceptions'


class NameResolutionError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'


class NewConnectionError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'


class MaxRetryError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'


class ReadTimeoutError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'


class ConnectTimeoutError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'


class ProtocolError(_Urllib3Error):
    __module__ = 'urllib3.exceptions'


def _raise_chain(chain, final):
    # Raises `final` while handling the last of `chain`, each caused by the one before, as urllib3 and
    # requests raise them.
    try:
        cause = None
        for exc in chain:
            try:
                raise exc from cause
            except BaseException as e:
                cause = e
        raise cause
    except BaseException:
        raise final


exceptions = _Exceptions()
for _cls in (RequestException, HTTPError, ConnectionError, Timeout, ConnectTimeout, ReadTimeout, TooManyRedirects,
             InvalidURL, MissingSchema, InvalidSchema, JSONDecodeError):
    setattr(exceptions, _cls.__name__, _cls)

codes = _Exceptions()
codes.ok = 200
codes.created = 201
codes.not_found = 404
codes.too_many_requests = 429
codes.server_error = 500


class Response:
    def __init__(self, url, status, ctype, data, length=None):
        self.url = url
        self.status_code = status
        self.reason = _il_web.reason(status)
        self.headers = _il_web.headers_of(ctype, data, length)
        self.content = data
        self.encoding = 'utf-8' if ctype.startswith(('text/', 'application/json')) else None
        self.history = []

    def __repr__(self):
        return f'<Response [{self.status_code}]>'

    def __bool__(self):
        return self.ok

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    @property
    def ok(self):
        return self.status_code < 400

    @property
    def text(self):
        return self.content.decode(self.encoding or 'utf-8', 'replace')

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except ValueError as e:
            raise JSONDecodeError(str(e)) from None

    def iter_content(self, chunk_size=1, decode_unicode=False):
        for i in range(0, len(self.content), chunk_size):
            yield self.content[i:i + chunk_size]

    def raise_for_status(self):
        if 400 <= self.status_code < 500:
            kind = 'Client Error'
        elif 500 <= self.status_code < 600:
            kind = 'Server Error'
        else:
            return
        raise HTTPError(f'{self.status_code} {kind}: {self.reason} for url: {self.url}', response=self)

    def close(self):
        pass


def _timeouts(timeout):
    if isinstance(timeout, tuple):
        return timeout
    return timeout, timeout


def _pool(host, url):
    scheme, _, port, _ = _il_web.split_url(url)
    kind = 'HTTPSConnectionPool' if scheme == 'https' else 'HTTPConnectionPool'
    conn = 'HTTPSConnection' if scheme == 'https' else 'HTTPConnection'
    return f'{kind}(host={host!r}, port={port})', f'{conn}(host={host!r}, port={port})'


def _send(method, url, params, data, json, headers, timeout, session):
    if '://' not in url:
        raise MissingSchema(f"Invalid URL {url!r}: No scheme supplied. Perhaps you meant https://{url}?")
    if not url.lower().startswith(('http://', 'https://')):
        raise InvalidSchema(f"No connection adapters were found for {url!r}")
    url = _il_web.with_params(url, params)
    if '/' not in url.split('://', 1)[1]:
        url += '/'
    body = b''
    if json is not None:
        body = _json.dumps(json).encode()
    elif isinstance(data, dict):
        body = _il_web.encode_params(data).encode()
    elif isinstance(data, str):
        body = data.encode()
    elif data is not None:
        body = bytes(data)
    connect, read = _timeouts(timeout)
    scheme, host, port, path = _il_web.split_url(url)
    reused = session is not None and (scheme, host, port) in session._open
    host, steps = _il_web.plan(method.upper(), url, body, connect, read, reused)
    pool, conn = _pool(host, url)
    for step in steps:
        kind = step[0]
        if kind == 'local':
            step = _il_web.fetch_local(method.upper(), host, port, path, body, read, 'python-requests/2.31.0')
            kind = step[0]
        if kind == 'wait':
            _il_web.wait(host, step[1])
        elif kind == 'ok':
            if session is not None:
                session._open.add((scheme, host, port))
            resp = Response(url, step[1], step[2], step[3], step[4])
            if len(step) > 5:
                resp.headers = step[5]
            return resp
        elif kind == 'dns':
            import socket
            inner = f"{conn}: Failed to resolve {host!r} ([Errno -2] Name or service not known)"
            outer = f'{pool}: Max retries exceeded with url: {path} (Caused by NameResolutionError("{inner}"))'
            _raise_chain([socket.gaierror(-2, 'Name or service not known'), NameResolutionError(inner),
                          MaxRetryError(outer)], ConnectionError(outer))
        elif kind == 'refused':
            inner = f"{conn}: Failed to establish a new connection: [Errno 111] Connection refused"
            outer = f'{pool}: Max retries exceeded with url: {path} (Caused by NewConnectionError("{inner}"))'
            _raise_chain([ConnectionRefusedError(111, 'Connection refused'), NewConnectionError(inner),
                          MaxRetryError(outer)], ConnectionError(outer))
        elif kind == 'reset':
            reset = ConnectionResetError(104, 'Connection reset by peer')
            _raise_chain([reset, ProtocolError('Connection aborted.', reset)],
                         ConnectionError(('Connection aborted.', reset)))
        elif kind == 'connect-timeout':
            inner = f"{conn}: Connection to {host} timed out. (connect timeout={connect})"
            outer = f'{pool}: Max retries exceeded with url: {path} (Caused by ConnectTimeoutError("{inner}"))'
            _raise_chain([TimeoutError('timed out'), ConnectTimeoutError(inner), MaxRetryError(outer)],
                         ConnectTimeout(outer))
        else:
            msg = f"{pool}: Read timed out. (read timeout={read})"
            _raise_chain([TimeoutError('timed out'), ReadTimeoutError(msg)], ReadTimeout(msg))


def request(method, url, params=None, data=None, headers=None, json=None, timeout=None, **kwargs):
    return _send(method, url, params, data, json, headers, timeout, None)


def get(url, params=None, **kwargs):
    return request('GET', url, params=params, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request('POST', url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request('PUT', url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request('PATCH', url, data=data, **kwargs)


def delete(url, **kwargs):
    return request('DELETE', url, **kwargs)


def head(url, **kwargs):
    return request('HEAD', url, **kwargs)


class Session:
    """Keeps connections open between requests to the same host, so later ones skip the connection's round trip."""

    def __init__(self):
        self.headers = {}
        self._open = set()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        self._open = set()

    def request(self, method, url, params=None, data=None, headers=None, json=None, timeout=None, **kwargs):
        return _send(method, url, params, data, json, headers, timeout, self)

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request('POST', url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def head(self, url, **kwargs):
        return self.request('HEAD', url, **kwargs)


session = Session
