"""Interleave's `aiohttp`: the client tutorials use (ClientSession, its responses, ClientTimeout, the client
exceptions), answered by the simulated internet (`_il_web.py`) on the simulated network's clock."""

import json as _json
import _il_web

__version__ = '3.9.5'


class ClientError(Exception):
    __module__ = 'aiohttp.client_exceptions'


class ClientConnectionError(ClientError):
    __module__ = 'aiohttp.client_exceptions'


class ClientOSError(ClientConnectionError, OSError):
    __module__ = 'aiohttp.client_exceptions'


class ClientConnectorError(ClientOSError):
    __module__ = 'aiohttp.client_exceptions'

    def __init__(self, host, port, strerror, errno=None):
        OSError.__init__(self, errno, strerror)
        self.host = host
        self.port = port
        self._text = f'Cannot connect to host {host}:{port} ssl:default [{strerror}]'

    def __str__(self):
        return self._text


class ClientConnectorDNSError(ClientConnectorError):
    __module__ = 'aiohttp.client_exceptions'


class ServerConnectionError(ClientConnectionError):
    __module__ = 'aiohttp.client_exceptions'


class ServerDisconnectedError(ServerConnectionError):
    __module__ = 'aiohttp.client_exceptions'


class ServerTimeoutError(ServerConnectionError, TimeoutError):
    __module__ = 'aiohttp.client_exceptions'


class ClientResponseError(ClientError):
    __module__ = 'aiohttp.client_exceptions'

    def __init__(self, request_info=None, history=(), *, status=None, message='', headers=None):
        super().__init__(request_info, history)
        self.request_info = request_info
        self.history = history
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers

    def __str__(self):
        return f'{self.status}, message={self.message!r}, url={str(self.request_info.real_url)!r}'

    def __repr__(self):
        return f'{type(self).__name__}({self.request_info!r}, {self.history!r}, status={self.status!r}, message={self.message!r})'


class ContentTypeError(ClientResponseError):
    __module__ = 'aiohttp.client_exceptions'


class InvalidURL(ClientError, ValueError):
    __module__ = 'aiohttp.client_exceptions'


class RequestInfo:
    def __init__(self, url, method):
        self.url = url
        self.real_url = url
        self.method = method
        self.headers = {}

    def __repr__(self):
        return f"RequestInfo(url=URL({self.url!r}), method={self.method!r}, headers=<CIMultiDictProxy()>, real_url=URL({self.url!r}))"


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect

    def __repr__(self):
        return (f'ClientTimeout(total={self.total!r}, connect={self.connect!r}, sock_read={self.sock_read!r}, '
                f'sock_connect={self.sock_connect!r}, ceil_threshold=5)')


DEFAULT_TIMEOUT = ClientTimeout(total=300, sock_connect=30)


class TCPConnector:
    def __init__(self, limit=100, limit_per_host=0, **kwargs):
        self.limit = limit
        self.limit_per_host = limit_per_host

    # As aiohttp's: a host's first lookup (and one after its 10 s in the cache) runs in a task of its own,
    # which the other requests for that host wait for; the loop's tasks are numbered with it.
    async def _resolve_host_with_throttle(self, session, key):
        from asyncio import sleep
        import _il_net
        await sleep(0)
        if _il_web.known(key[0]):
            session._dns[key] = _il_net.now()


async def _wait_for_close(waiters):
    # As aiohttp's: closing a session with open connections waits a turn for them to close.
    from asyncio import sleep
    await sleep(0)


class ClientResponse:
    def __init__(self, method, url, status, ctype, data):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = status
        self.reason = _il_web.reason(status)
        self.headers = _il_web.headers_of(ctype, data)
        self.content_type = ctype.split(';')[0].strip()
        self.charset = 'utf-8' if 'charset=utf-8' in ctype else None
        self.request_info = RequestInfo(url, method)
        self.history = ()
        self._body = data
        self.closed = False

    def __repr__(self):
        return f'<ClientResponse({self.url}) [{self.status} {self.reason}]>'

    @property
    def ok(self):
        return self.status < 400

    async def read(self):
        return self._body

    async def text(self, encoding=None, errors='strict'):
        return self._body.decode(encoding or self.charset or 'utf-8', errors)

    async def json(self, *, encoding=None, loads=_json.loads, content_type='application/json'):
        if content_type and self.content_type != content_type and not self.content_type.endswith('+json'):
            raise ContentTypeError(self.request_info, self.history, status=self.status,
                                   message=f"Attempt to decode JSON with unexpected mimetype: {self.headers['Content-Type']}",
                                   headers=self.headers)
        text = self._body.decode(encoding or 'utf-8').strip()
        if not text:
            return None
        return loads(text)

    def raise_for_status(self):
        if self.status >= 400:
            self.release()
            raise ClientResponseError(self.request_info, self.history, status=self.status, message=self.reason,
                                      headers=self.headers)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        self.release()


class _RequestContextManager:
    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        # The engine awaits what __await__ returns when it is a coroutine (CPython would need its iterator).
        return self._coro

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, *args):
        self._resp.release()


class ClientSession:
    def __init__(self, base_url=None, *, connector=None, timeout=None, headers=None, raise_for_status=False,
                 **kwargs):
        self._base = base_url
        self.timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        self.headers = dict(headers or {})
        self._raise = raise_for_status
        self._open = set()
        self._closed = False
        self._connector = connector if connector is not None else TCPConnector()
        # The hosts looked up, with when (aiohttp keeps them 10 s), and the lookups under way.
        self._dns = {}
        self._resolving = {}

    @property
    def closed(self):
        return self._closed

    async def close(self):
        if self._closed:
            return
        self._closed = True
        was_open, self._open = self._open, set()
        if was_open:
            from asyncio import get_running_loop
            await get_running_loop().create_task(_wait_for_close(list(was_open)))

    async def _resolve(self, host, port):
        import _il_net
        key = (host, port)
        # An address needs no lookup.
        if _il_net.loopback(host) or host.replace('.', '').isdigit():
            return
        at = self._dns.get(key)
        if at is not None and _il_net.now() - at < 10_000_000_000:
            return
        task = self._resolving.get(key)
        if task is None:
            from asyncio import get_running_loop
            task = get_running_loop().create_task(self._connector._resolve_host_with_throttle(self, key))
            self._resolving[key] = task
            task.add_done_callback(lambda _t: self._resolving.pop(key, None))
        from asyncio import shield
        await shield(task)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        await self.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def post(self, url, **kwargs):
        return self.request('POST', url, **kwargs)

    def put(self, url, **kwargs):
        return self.request('PUT', url, **kwargs)

    def patch(self, url, **kwargs):
        return self.request('PATCH', url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def head(self, url, **kwargs):
        return self.request('HEAD', url, **kwargs)

    async def _request(self, method, url, *, params=None, data=None, json=None, headers=None, timeout=None,
                       raise_for_status=None, **kwargs):
        if self._closed:
            raise RuntimeError('Session is closed')
        url = str(url)
        if self._base is not None:
            url = str(self._base).rstrip('/') + '/' + url.lstrip('/')
        if not url.lower().startswith(('http://', 'https://')):
            raise InvalidURL(url)
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
        t = timeout if timeout is not None else self.timeout
        connect = t.sock_connect if t.sock_connect is not None else t.connect
        scheme, host, port, path = _il_web.split_url(url)
        reused = (scheme, host, port) in self._open
        if not reused:
            await self._resolve(host, port)
        host, steps = _il_web.plan(method, url, body, connect, t.sock_read, reused)
        total = sum(s[1] for s in steps if s[0] == 'wait')
        if t.total is not None and total > t.total:
            await _il_web.async_wait(host, t.total)
            raise TimeoutError()
        for step in steps:
            kind = step[0]
            if kind == 'wait':
                await _il_web.async_wait(host, step[1])
            elif kind == 'ok':
                self._open.add((scheme, host, port))
                resp = ClientResponse(method, url, step[1], step[2], step[3])
                check = self._raise if raise_for_status is None else raise_for_status
                if check:
                    resp.raise_for_status()
                return resp
            elif kind == 'dns':
                raise ClientConnectorDNSError(host, port, 'Name or service not known', -2)
            elif kind in ('refused', 'local'):
                # The program's own server is not asked over aiohttp yet: as if nobody listened.
                raise ClientConnectorError(host, port, f"Connect call failed ('{host}', {port})", 111)
            elif kind == 'reset':
                raise ClientOSError(104, 'Connection reset by peer')
            elif kind == 'connect-timeout':
                raise ServerTimeoutError(f'Connection timeout to host {url}')
            else:
                raise ServerTimeoutError(f'Timeout on reading data from socket')


async def request(method, url, **kwargs):
    async with ClientSession() as s:
        resp = await s._request(method, url, **kwargs)
        return resp
