"""asyncio's streams over Interleave's simulated network (net.rs): open_connection and start_server, with
CPython's StreamReader, StreamWriter and Server. The asyncio module fetches these names from here on first use
(`Vm::getattr_opt`), so that programs without a network pay nothing for them at `import asyncio`.

A wait for data is a future the socket resolves when something arrives (_il_net.watch), so no hidden task
runs; the tasks CPython's loop starts for a server (one to resolve its host, one per accepted connection) are
started here too, so the program's tasks keep CPython's names."""

import _interleave as _il
from asyncio import CancelledError, gather, get_running_loop, iscoroutine, sleep


class IncompleteReadError(EOFError):
    __module__ = 'asyncio.exceptions'

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    __module__ = 'asyncio.exceptions'

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


def _net_wake():
    # Resolves, on their loops, the waits of sockets that just got something: when it arrives.
    import _il_net
    _net_wake_items(_il_net.woken())


def _net_wake_items(items):
    here = _il.get_loop() if _il.is_running() else None
    for (loop, fut), delay in items:
        if fut.done():
            continue
        if loop is here:
            _net_arm(loop, fut, delay)
        else:
            loop.call_soon_threadsafe(_net_arm, loop, fut, delay)


def _net_arm(loop, fut, delay):
    # Something arrives now: as if the loop's next look at its selector saw it.
    if fut.done():
        return
    if type(fut) is _Arm:
        fut._w._schedule(fut, max(delay, 0))
    elif delay <= 0:
        fut.set_result(None)
    else:
        loop.call_later(delay, _net_set, fut)


def _net_set(fut):
    if not fut.done():
        fut.set_result(None)


class _Arm:
    # One arming of a _Watch, as the watcher _il_net resolves: stale once the watch fired, re-armed or stopped.
    def __init__(self, w):
        self._w = w
        self._gen = w._gen
        self._live = False
        self._call = None

    def done(self):
        return self._w._gen != self._gen or not self._w._on

    def set_result(self, _):
        self._w._schedule(self, 0)

    def _check(self):
        # Just before the callback's own handle: it runs only if the socket is ready and this arming current.
        w = self._w
        if self.done():
            self._call.cancel()
            return
        if not w._ready():
            self._call.cancel()
        w._gen += 1
        self._live = True

    def _after(self):
        if self._live and self._w._on:
            self._w._arm()


class _Watch:
    """A selector's registration of a socket for reading (or writing): the loop runs cb(*args) in the iteration
    where the socket is ready, and again in each later one while it stays ready, until cancel(). The callback
    is a handle of its own (a timer due then, between two of the watch's own), so that an exception in it is
    the loop's "Exception in callback" and the registration stays."""

    def __init__(self, loop, s, cb, args, write=False):
        self._loop = loop
        self._s = s
        self._cb = cb
        self._args = args
        self._write = write
        self._on = True
        self._gen = 0
        self._arm()

    def _ready(self):
        import _il_net
        if self._write:
            return _il_net.state(self._s) != 'connecting'
        return _il_net.readable(self._s)

    def _schedule(self, a, delay):
        # A timer due now comes after the handles already ready, as a selector's events do.
        loop = self._loop
        loop.call_later(delay, a._check)
        a._call = loop.call_later(delay, self._cb, *self._args)
        loop.call_later(delay, a._after)

    def _arm(self):
        import _il_net
        self._gen += 1
        a = _Arm(self)
        if self._ready():
            self._schedule(a, 0)
            return
        delay = _il_net.delay(self._s)
        if delay is not None:
            self._schedule(a, delay)
        _il_net.watch(self._s, (self._loop, a))

    def cancel(self):
        self._on = False


def _net_watch(s):
    # A future resolved when the next thing arrives on s (or at once if something is on its way).
    import _il_net
    loop = get_running_loop()
    fut = loop.create_future()
    delay = _il_net.delay(s)
    if delay is not None:
        loop.call_later(delay, _net_set, fut)
    _il_net.watch(s, (loop, fut))
    return fut


async def _net_next(s):
    import _il_net
    fut = _net_watch(s)
    _il_net.waiting(s)
    await fut


def _net_addr(host, port):
    import socket
    if port is None:
        raise TypeError("'NoneType' object cannot be interpreted as an integer")
    socket._resolve(host or '')
    return port


class BaseProtocol:
    __module__ = 'asyncio.protocols'

    def connection_made(self, transport):
        pass

    def connection_lost(self, exc):
        pass

    def pause_writing(self):
        pass

    def resume_writing(self):
        pass


class Protocol(BaseProtocol):
    def data_received(self, data):
        pass

    def eof_received(self):
        pass


class BufferedProtocol(BaseProtocol):
    def get_buffer(self, sizehint):
        pass

    def buffer_updated(self, nbytes):
        pass

    def eof_received(self):
        pass


class DatagramProtocol(BaseProtocol):
    def datagram_received(self, data, addr):
        pass

    def error_received(self, exc):
        pass


class StreamReader:
    def __init__(self, limit=2 ** 16, loop=None):
        self._limit = limit
        self._buffer = b''
        self._eof = False
        self._s = None
        self._waiter = None
        self._exception = None

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc

    def feed_data(self, data):
        if not data:
            return
        self._buffer += bytes(data)
        self._wakeup()

    def feed_eof(self):
        self._eof = True
        self._wakeup()

    def _wakeup(self):
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)
        self._waiter = None

    def at_eof(self):
        return self._eof and not self._buffer

    def _pull(self):
        # Takes one read's worth of what has arrived on the socket into the buffer, as one of CPython's
        # read events does: the end of the stream is seen by a read of its own, after the data.
        import _il_net
        data = _il_net.recv(self._s, 65536)
        if data is None:
            return
        if isinstance(data, int) or not data:
            # The end of the stream, or our own side closed (connection_lost feeds the end, as in CPython).
            self._eof = True
        else:
            self._buffer += data

    async def _wait_for_data(self, func_name):
        if self._exception is not None:
            raise self._exception
        if self._eof:
            return
        if self._s is not None:
            import _il_net
            if _il_net.readable(self._s):
                # Already there: CPython's protocol would have read it in the loop's last iteration.
                await sleep(0)
            else:
                await _net_next(self._s)
            self._pull()
            return
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is already waiting for incoming data')
        self._waiter = get_running_loop().create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def read(self, n=-1):
        if n == 0:
            return b''
        if n < 0:
            while not self._eof:
                await self._wait_for_data('more')
            data, self._buffer = self._buffer, b''
            return data
        while not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    async def readline(self):
        try:
            return await self.readuntil(b'\n')
        except IncompleteReadError as e:
            return e.partial

    async def readuntil(self, separator=b'\n'):
        if not separator:
            raise ValueError('Separator should be at least one-byte string')
        while True:
            i = self._buffer.find(separator)
            if i >= 0:
                end = i + len(separator)
                data, self._buffer = self._buffer[:end], self._buffer[end:]
                return data
            if self._eof:
                data, self._buffer = self._buffer, b''
                raise IncompleteReadError(data, None)
            await self._wait_for_data('readuntil')

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        while True:
            if len(self._buffer) >= n:
                data, self._buffer = self._buffer[:n], self._buffer[n:]
                return data
            if self._eof:
                data, self._buffer = self._buffer, b''
                raise IncompleteReadError(data, n)
            await self._wait_for_data('readexactly')

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class _Transport:
    def __init__(self, s, peer, sock):
        self._s = s
        self._peer = peer
        self._sock = sock
        self._closing = False

    def get_extra_info(self, name, default=None):
        if name == 'peername':
            return self._peer
        if name == 'sockname':
            return self._sock
        return default

    def is_closing(self):
        return self._closing

    def write(self, data):
        import _il_net
        if self._closing:
            return
        _il_net.send(self._s, data)
        _net_wake()

    def write_eof(self):
        import _il_net
        _il_net.close(self._s, True)
        _net_wake()

    def can_write_eof(self):
        return True

    def close(self):
        # As CPython's transport does, the socket closes at the loop's next iteration (connection_lost).
        if not self._closing:
            self._closing = True
            self._closed = get_running_loop().create_future()
            get_running_loop().call_soon(self._close_now)

    def _close_now(self):
        import _il_net
        _il_net.close(self._s)
        _net_wake()
        if not self._closed.done():
            self._closed.set_result(None)

    def abort(self):
        self.close()


class StreamWriter:
    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._reader = reader

    def __repr__(self):
        return f'<StreamWriter transport={self._transport!r}>'

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f"data argument must be a bytes-like object, not '{type(data).__name__}'")
        self._transport.write(bytes(data))

    def writelines(self, data):
        for d in data:
            self.write(d)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return True

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        closed = getattr(self._transport, '_closed', None)
        if closed is not None:
            await closed

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._transport.is_closing():
            await sleep(0)
        exc = self._reader.exception() if self._reader is not None else None
        if exc is not None:
            raise exc

    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        self.close()
        await self.wait_closed()


def _streams_of(s, sock, peer, limit):
    reader = StreamReader(limit)
    reader._s = s
    writer = StreamWriter(_Transport(s, peer, sock), None, reader, None)
    return reader, writer


async def open_connection(host=None, port=None, *, limit=2 ** 16, **kwds):
    import _il_net
    port = _net_addr(host, port)
    s = _il_net.socket(1)
    if _il_net.connect(s, port) < 0:
        _il_net.close(s)
        raise ConnectionRefusedError(111, f"Connect call failed ('127.0.0.1', {port})")
    _net_wake()
    # CPython's connect completes when the selector next sees the socket writable; then it makes the
    # transport and waits for connection_made: two more turns of the loop.
    loop = get_running_loop()
    fut = loop.create_future()
    loop.call_soon(_net_set, fut)
    _il_net.waiting(s)
    await fut
    while _il_net.state(s) == 'connecting':
        await _net_next(s)
    await sleep(0)
    await sleep(0)
    info = _il_net.info(s)
    return _streams_of(s, ('127.0.0.1', info[0]), ('127.0.0.1', port), limit)


class _ServerSocket:
    def __init__(self, s, host):
        self._s = s
        self._host = host

    def getsockname(self):
        import _il_net
        return (self._host, _il_net.info(self._s)[0])

    def __repr__(self):
        return f'<asyncio.TransportSocket fd={self.fileno()}, family=2, type=1, proto=6, laddr={self.getsockname()}>'

    def fileno(self):
        import _il_net
        return _il_net.info(self._s)[2]


class Server:
    def __init__(self, s, host, cb, limit):
        self._s = s
        self._cb = cb
        self._limit = limit
        self._serving = True
        self._closed = False
        self._forever = None
        self.sockets = (_ServerSocket(s, host),)
        self._loop = get_running_loop()
        self._arm()

    def __repr__(self):
        return f'<Server sockets={self.sockets!r}>'

    def _arm(self):
        if self._closed:
            return
        fut = _net_watch(self._s)
        fut.add_done_callback(self._accept)

    def _accept(self, fut):
        import _il_net
        if self._closed:
            return
        while True:
            got = _il_net.accept(self._s)
            if got is None:
                break
            # As CPython's loop does: a task per connection makes the transport, whose connection_made
            # starts the callback a turn later; the task numbers count these tasks too.
            self._loop.create_task(BaseSelectorEventLoop()._accept_connection2(self, got[0], got[1]))
        self._arm()

    def _made(self, conn, port):
        import _il_net
        info = _il_net.info(conn)
        reader, writer = _streams_of(conn, ('127.0.0.1', info[0]), ('127.0.0.1', port), self._limit)
        res = self._cb(reader, writer)
        if iscoroutine(res):
            self._loop.create_task(res)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving and not self._closed

    def close(self):
        import _il_net
        if self._closed:
            return
        self._closed = True
        self._serving = False
        self.sockets = ()
        _il_net.close(self._s)
        _net_wake()

    async def wait_closed(self):
        return

    async def start_serving(self):
        return

    async def serve_forever(self):
        if self._forever is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._closed:
            raise RuntimeError(f'server {self!r} is closed')
        self._forever = get_running_loop().create_future()
        try:
            await self._forever
        except CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._forever = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class BaseEventLoop:
    # Named as CPython's, whose tasks these are on the timeline.
    async def _create_server_getaddrinfo(self, host, port):
        return [(2, 1, 6, '', (host or '0.0.0.0', port))]


class BaseSelectorEventLoop:
    async def _accept_connection2(self, server, conn, port):
        loop = get_running_loop()
        waiter = loop.create_future()
        loop.call_soon(server._made, conn, port)
        loop.call_soon(_net_set, waiter)
        await waiter


async def start_server(client_connected_cb, host=None, port=None, *, limit=2 ** 16, **kwds):
    import _il_net
    import socket
    port = _net_addr(host, port or 0)
    # CPython resolves each host in a task of its own (gathered) before it binds.
    await gather(BaseEventLoop()._create_server_getaddrinfo(host, port))
    s = _il_net.socket(1)
    r = _il_net.bind(s, port)
    if r < 0:
        _il_net.close(s)
        err = socket._error(r)
        shown = host or '0.0.0.0'
        raise OSError(err.errno, f'error while attempting to bind on address ({shown!r}, {port}): {err.strerror.lower()}')
    _il_net.listen(s, kwds.get('backlog', 100))
    shown = '127.0.0.1' if host == 'localhost' else (host or '0.0.0.0')
    server = Server(s, shown, client_connected_cb, limit)
    # CPython's create_server lets the loop run once after it starts serving.
    await sleep(0)
    return server
