"""asyncio's transports and protocols and the loop's socket methods (sock_*, add_reader) over Interleave's simulated
network, as CPython's selector event loop has them: create_server, create_connection, create_datagram_endpoint,
connect_accepted_socket. The loop's methods of these names come from here on first use (`Vm::getattr_opt`),
each taking the loop first.

A selector's registration is a _il_streams._Watch: its callback runs in the loop iteration where the socket is
ready, as CPython's reader and writer handles do, so the callbacks come in CPython's order."""

import _il_net
import socket as _socket
from _il_streams import _Watch, _net_wake, BaseEventLoop as _GetAddrInfo, Server as _StreamServer

_MAX_SIZE = 256 * 1024


def _native(loop, fd):
    # The simulated socket behind a socket object or its file descriptor.
    if isinstance(fd, int):
        s = _socket._fds.get(fd)
        if s is None:
            raise ValueError(f'Invalid file descriptor: {fd}')
        return s
    if not hasattr(fd, 'fileno'):
        raise ValueError(f'Invalid file object: {fd!r}')
    n = fd.fileno()
    if n < 0:
        raise ValueError(f'Invalid file descriptor: {n}')
    return fd._s if hasattr(fd, '_s') else _native(loop, n)


def _key(fd):
    return fd if isinstance(fd, int) else fd.fileno()


def _watches(loop, write):
    name = '_il_writers' if write else '_il_readers'
    d = getattr(loop, name, None)
    if d is None:
        d = {}
        setattr(loop, name, d)
    return d


def _add(loop, fd, cb, args, write):
    loop._check_closed()
    s = _native(loop, fd)
    d = _watches(loop, write)
    key = _key(fd)
    old = d.pop(key, None)
    if old is not None:
        old.cancel()
    d[key] = _Watch(loop, s, cb, args, write)


def _remove(loop, fd, write):
    if loop.is_closed():
        return False
    w = _watches(loop, write).pop(_key(fd), None)
    if w is None:
        return False
    w.cancel()
    return True


def add_reader(loop, fd, callback, *args):
    _add(loop, fd, callback, args, False)


def remove_reader(loop, fd):
    return _remove(loop, fd, False)


def add_writer(loop, fd, callback, *args):
    _add(loop, fd, callback, args, True)


def remove_writer(loop, fd):
    return _remove(loop, fd, True)


def _check_sock(loop, sock):
    # CPython 3.11 checks this in debug mode only; otherwise a blocking socket blocks the loop.
    if loop.get_debug() and sock.gettimeout() != 0:
        raise ValueError('the socket must be non-blocking')


async def _wait(loop, sock, fut, cb, *args, write=False):
    # Registers cb for sock, as CPython's sock_* do, and waits for the future it resolves.
    fd = sock.fileno()
    (add_writer if write else add_reader)(loop, fd, cb, *args)
    fut.add_done_callback(lambda f: (remove_writer if write else remove_reader)(loop, fd))
    _il_net.waiting(sock._s)
    return await fut


def _try(fut, func, *args):
    if fut.done():
        return
    try:
        fut.set_result(func(*args))
    except BlockingIOError:
        return
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)


async def sock_recv(loop, sock, n):
    _check_sock(loop, sock)
    try:
        return sock.recv(n)
    except BlockingIOError:
        pass
    fut = loop.create_future()
    return await _wait(loop, sock, fut, _try, fut, sock.recv, n)


def _recv_into(sock, buf):
    data = sock.recv(len(buf))
    buf[:len(data)] = data
    return len(data)


async def sock_recv_into(loop, sock, buf):
    _check_sock(loop, sock)
    try:
        return _recv_into(sock, buf)
    except BlockingIOError:
        pass
    fut = loop.create_future()
    return await _wait(loop, sock, fut, _try, fut, _recv_into, sock, buf)


async def sock_recvfrom(loop, sock, bufsize):
    _check_sock(loop, sock)
    try:
        return sock.recvfrom(bufsize)
    except BlockingIOError:
        pass
    fut = loop.create_future()
    return await _wait(loop, sock, fut, _try, fut, sock.recvfrom, bufsize)


async def sock_sendall(loop, sock, data):
    # The simulated buffers take everything at once: CPython's first send() already sends it all.
    _check_sock(loop, sock)
    sock.send(data)


async def sock_sendto(loop, sock, data, address):
    _check_sock(loop, sock)
    return sock.sendto(data, address)


async def sock_accept(loop, sock):
    _check_sock(loop, sock)
    try:
        return _accept_nb(sock)
    except BlockingIOError:
        pass
    fut = loop.create_future()
    return await _wait(loop, sock, fut, _try, fut, _accept_nb, sock)


def _accept_nb(sock):
    conn, addr = sock.accept()
    conn.setblocking(False)
    return conn, addr


def _connect_done(fut, sock, address):
    if fut.done():
        return
    if _il_net.state(sock._s) == 'connecting':
        return
    fut.set_result(None)


def _refused(fut, address):
    if not fut.done():
        fut.set_exception(ConnectionRefusedError(111, f'Connect call failed {address}'))


async def sock_connect(loop, sock, address):
    _check_sock(loop, sock)
    host, port = _socket._host(address, 'connect')
    address = (_socket._resolve(host) or '0.0.0.0', port)
    fut = loop.create_future()
    try:
        sock.connect(address)
    except BlockingIOError:
        pass
    except ConnectionRefusedError:
        # Linux reports a refused loopback connection through the socket's error, an iteration later.
        loop.call_soon(_refused, fut, address)
        return await fut
    else:
        if sock.type != _socket.SOCK_STREAM:
            return
    # A TCP connect is in progress (EINPROGRESS) until the selector next sees the socket writable.
    return await _wait(loop, sock, fut, _connect_done, fut, sock, address, write=True)


class _TransportSocket:
    """What get_extra_info('socket') gives: the socket, with the methods CPython's TransportSocket keeps."""

    def __init__(self, sock):
        self._sock = sock

    family = property(lambda self: self._sock.family)
    type = property(lambda self: self._sock.type)
    proto = property(lambda self: self._sock.proto)

    def fileno(self):
        return self._sock.fileno()

    def getsockname(self):
        return self._sock.getsockname()

    def getpeername(self):
        return self._sock.getpeername()

    def gettimeout(self):
        return 0

    def setblocking(self, flag):
        if flag:
            raise ValueError('setblocking(): transport sockets cannot be switched to blocking mode')

    def __repr__(self):
        s = f'<asyncio.TransportSocket fd={self.fileno()}, family={self.family}, type={self.type}, proto={self.proto}'
        if self.fileno() != -1:
            try:
                s += f', laddr={self.getsockname()}'
            except OSError:
                pass
            try:
                s += f', raddr={self.getpeername()}'
            except OSError:
                pass
        return s + '>'


class _SelectorTransport:
    def __init__(self, loop, sock, protocol, extra=None, server=None):
        self._extra = dict(extra or {})
        self._extra['socket'] = _TransportSocket(sock)
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._loop = loop
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol = protocol
        self._protocol_connected = True
        self._server = server
        self._closing = False
        self._paused = False
        self._conn_lost = 0
        self._reader = None
        if server is not None:
            server._conns = getattr(server, '_conns', 0) + 1

    def __repr__(self):
        info = [type(self).__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        if self._loop is not None and not self._loop.is_closed():
            info.append('read=' + ('polling' if self._reader is not None else 'idle'))
            info.append('write=<idle, bufsize=0>')
        return '<{}>'.format(' '.join(info))

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def set_protocol(self, protocol):
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def get_write_buffer_size(self):
        return 0

    def get_write_buffer_limits(self):
        return (16384, 65536)

    def set_write_buffer_limits(self, high=None, low=None):
        pass

    def _add_reader(self):
        if self._closing or self._paused or self._sock is None:
            return
        if self._reader is None:
            self._reader = _Watch(self._loop, self._sock._s, self._read_ready, ())

    def _remove_reader(self):
        if self._reader is not None:
            self._reader.cancel()
            self._reader = None

    def pause_reading(self):
        if self._closing or self._paused:
            return
        self._paused = True
        self._remove_reader()

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader()

    def abort(self):
        self._force_close(None)

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._remove_reader()
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, None)

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if not self._closing:
            self._closing = True
            self._remove_reader()
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            if self._server is not None:
                self._server._conns -= 1
                self._server = None

    def _lost_write(self):
        if self._conn_lost >= 5:
            import logging
            logging.getLogger('asyncio').warning('socket.send() raised exception.')
        self._conn_lost += 1


def _bytes_like(data):
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')


class _SelectorSocketTransport(_SelectorTransport):
    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(loop, sock, protocol, extra, server)
        self._eof = False
        loop.call_soon(self._protocol.connection_made, self)
        loop.call_soon(self._add_reader)
        if waiter is not None:
            loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _read_ready(self):
        if self._conn_lost:
            return
        data = _il_net.recv(self._sock._s, _MAX_SIZE)
        if data is None:
            return
        if isinstance(data, int):
            self._fatal_error(_socket._error(data), 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            self._remove_reader()
        else:
            self.close()

    def write(self, data):
        _bytes_like(data)
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            self._lost_write()
            return
        n = _il_net.send(self._sock._s, bytes(data))
        if n < 0:
            self._fatal_error(_socket._error(n), 'Fatal write error on socket transport')
            return
        _net_wake()

    def writelines(self, list_of_data):
        for data in list_of_data:
            self.write(data)

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        self._sock.shutdown(_socket.SHUT_WR)

    def can_write_eof(self):
        return True


class _SelectorDatagramTransport(_SelectorTransport):
    def __init__(self, loop, sock, protocol, address=None, waiter=None, extra=None):
        super().__init__(loop, sock, protocol, extra)
        self._address = address
        loop.call_soon(self._protocol.connection_made, self)
        loop.call_soon(self._add_reader)
        if waiter is not None:
            loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(_MAX_SIZE)
        except BlockingIOError:
            pass
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on datagram transport')
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        _bytes_like(data)
        if not data:
            return
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost and self._address:
            self._lost_write()
            return
        try:
            if self._extra['peername']:
                self._sock.send(data)
            else:
                self._sock.sendto(data, addr)
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal write error on datagram transport')


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


class Server(_StreamServer):
    """create_server's server: each accepted connection gets a protocol from the factory and a transport."""

    def __init__(self, s, host, factory, backlog):
        self._factory = factory
        self._backlog = backlog
        self._conns = 0
        super().__init__(s, host, None, 2 ** 16)

    def _arm(self):
        # The listening socket's reader, as CPython's _accept_connection: called in the iteration a
        # connection arrives.
        self._watch = _Watch(self._loop, self._s, self._accept_ready, ())

    def _accept_ready(self):
        if self._closed:
            self._watch.cancel()
            return
        for _ in range(self._backlog):
            got = _il_net.accept(self._s)
            if got is None:
                break
            self._loop.create_task(BaseSelectorEventLoop()._accept_connection2(self, got[0], got[1]))

    def close(self):
        self._watch.cancel()
        super().close()

    def _made(self, conn, port):
        # In the accepting task's first step, as CPython's _accept_connection2: the factory, then the transport.
        sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM, 0, conn)
        sock._host = '127.0.0.1'
        sock.setblocking(False)
        protocol = self._factory()
        waiter = self._loop.create_future()
        _SelectorSocketTransport(self._loop, sock, protocol, waiter, {'peername': ('127.0.0.1', port)}, self)
        return waiter


class BaseSelectorEventLoop:
    # Named as CPython's, whose task this is.
    async def _accept_connection2(self, server, conn, port):
        try:
            await server._made(conn, port)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            server._loop.call_exception_handler({
                'message': 'Error on transport creation for incoming connection',
                'exception': exc,
            })


async def create_server(loop, protocol_factory, host=None, port=None, *, family=0, flags=1, sock=None,
                        backlog=100, ssl=None, reuse_address=None, reuse_port=None, ssl_handshake_timeout=None,
                        ssl_shutdown_timeout=None, start_serving=True):
    from asyncio import gather
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        if port is None:
            port = 0
        if not isinstance(port, int):
            raise TypeError(f"'{type(port).__name__}' object cannot be interpreted as an integer")
        _socket._resolve(host or '')
        await gather(_GetAddrInfo()._create_server_getaddrinfo(host, port))
        s = _il_net.socket(1)
        r = _il_net.bind(s, port)
        if r < 0:
            _il_net.close(s)
            err = _socket._error(r)
            shown = host or '0.0.0.0'
            raise OSError(err.errno, f'error while attempting to bind on address ({shown!r}, {port}): '
                          f'{err.strerror.lower()}')
        _il_net.listen(s, backlog)
        shown = '127.0.0.1' if host == 'localhost' else (host or '0.0.0.0')
    else:
        if sock is None:
            raise ValueError('Neither host/port nor sock were specified')
        if sock.type != _socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        s = sock._s
        shown = sock._host
    server = Server(s, shown, protocol_factory, backlog)
    await _sleep0()
    return server


async def _sleep0():
    from asyncio import sleep
    await sleep(0)


async def _connection_transport(loop, sock, protocol_factory, extra=None):
    protocol = protocol_factory()
    waiter = loop.create_future()
    transport = _SelectorSocketTransport(loop, sock, protocol, waiter, extra)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


async def create_connection(loop, protocol_factory, host=None, port=None, *, ssl=None, family=0, proto=0,
                            flags=0, sock=None, local_addr=None, server_hostname=None, ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None, happy_eyeballs_delay=None, interleave=None):
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            if local_addr is not None:
                sock.bind(local_addr)
            await sock_connect(loop, sock, (host if host is not None else '', port))
        except BaseException:
            sock.close()
            raise
    else:
        if sock is None:
            raise ValueError('host and port was not specified and no sock specified')
        if sock.type != _socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        sock.setblocking(False)
    return await _connection_transport(loop, sock, protocol_factory)


async def connect_accepted_socket(loop, protocol_factory, sock, *, ssl=None, ssl_handshake_timeout=None,
                                  ssl_shutdown_timeout=None):
    if sock.type != _socket.SOCK_STREAM:
        raise ValueError(f'A Stream Socket was expected, got {sock!r}')
    sock.setblocking(False)
    return await _connection_transport(loop, sock, protocol_factory)


async def create_datagram_endpoint(loop, protocol_factory, local_addr=None, remote_addr=None, *, family=0,
                                   proto=0, flags=0, reuse_port=None, allow_broadcast=None, sock=None):
    if sock is not None:
        if sock.type != _socket.SOCK_DGRAM:
            raise ValueError(f'A UDP Socket was expected, got {sock!r}')
        sock.setblocking(False)
        remote = None
    else:
        if not (local_addr or remote_addr):
            if family == 0:
                raise ValueError('unexpected address family')
        sock = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)
        sock.setblocking(False)
        remote = None
        try:
            if local_addr:
                sock.bind(local_addr)
            if remote_addr:
                host, port = _socket._host(remote_addr, 'connect')
                remote = (_socket._resolve(host), port)
                sock.connect(remote)
        except BaseException:
            sock.close()
            raise
    protocol = protocol_factory()
    waiter = loop.create_future()
    transport = _SelectorDatagramTransport(loop, sock, protocol, remote, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol
