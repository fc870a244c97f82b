"""The socket module over Interleave's simulated network (net.rs): TCP and UDP on a loopback, blocking calls
that let other threads run, timeouts, and CPython's errors."""

import _il_net

AF_UNIX = 1
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOL_SOCKET = 1
SO_REUSEADDR = 2
SO_KEEPALIVE = 9
SO_BROADCAST = 6
SO_REUSEPORT = 15
SO_RCVBUF = 8
SO_SNDBUF = 7
IPPROTO_IP = 0
IPPROTO_TCP = 6
IPPROTO_UDP = 17
TCP_NODELAY = 1
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
SOMAXCONN = 4096
INADDR_ANY = 0
has_ipv6 = True

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


EAI_NONAME = -2

_MESSAGES = {
    9: 'Bad file descriptor',
    11: 'Resource temporarily unavailable',
    22: 'Invalid argument',
    32: 'Broken pipe',
    98: 'Address already in use',
    99: 'Cannot assign requested address',
    101: 'Network is unreachable',
    104: 'Connection reset by peer',
    106: 'Transport endpoint is already connected',
    107: 'Transport endpoint is not connected',
    111: 'Connection refused',
}

_CLASSES = {
    11: BlockingIOError,
    32: BrokenPipeError,
    104: ConnectionResetError,
    111: ConnectionRefusedError,
}

_default_timeout = None
# The simulated socket of each file descriptor, for asyncio's add_reader(fd, ...).
_fds = {}


def _error(code):
    code = -code
    return _CLASSES.get(code, OSError)(code, _MESSAGES.get(code, 'Unknown error'))


def _wake():
    # asyncio tasks waiting on the sockets this reached (asyncio's streams, in this or another thread).
    items = _il_net.woken()
    if items:
        import _il_streams
        _il_streams._net_wake_items(items)


def _check(r):
    if r < 0:
        raise _error(r)
    return r


def _host(addr, what):
    if not isinstance(addr, tuple):
        raise TypeError(f'{what}(): AF_INET address must be tuple, not {type(addr).__name__}')
    if len(addr) != 2:
        raise TypeError('AF_INET address must be a pair (host, port)')
    host, port = addr
    if not isinstance(host, str):
        raise TypeError(f'str, bytes or bytearray expected, not {type(host).__name__}')
    if not isinstance(port, int):
        raise TypeError(f"'{type(port).__name__}' object cannot be interpreted as an integer")
    if not 0 <= port <= 65535:
        raise OverflowError(f'{what}(): port must be 0-65535.')
    return host, port


def _resolve(host):
    if host in ('', '0.0.0.0'):
        return host
    if host == 'localhost' or _il_net.loopback(host):
        return '127.0.0.1'
    if _known(host):
        raise OSError(101, 'Network is unreachable')
    raise gaierror(EAI_NONAME, 'Name or service not known')


def _known(host):
    import _il_web
    return _il_web.known(host)


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(t):
    global _default_timeout
    _default_timeout = _timeout_value(t)


def _timeout_value(t):
    if t is None:
        return None
    if not isinstance(t, (int, float)):
        raise TypeError(f"'{type(t).__name__}' object cannot be interpreted as an integer or float")
    if t < 0:
        raise ValueError('Timeout value out of range')
    return float(t)


def gethostname():
    return 'interleave'


def gethostbyname(host):
    if host == '':
        return '0.0.0.0'
    if host == 'localhost' or _il_net.loopback(host):
        return '127.0.0.1'
    if _known(host):
        import _il_web
        return _il_web.address(host)
    raise gaierror(EAI_NONAME, 'Name or service not known')


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    addr = gethostbyname(host)
    kinds = [type] if type else [SOCK_STREAM, SOCK_DGRAM]
    return [(AF_INET, k, 6 if k == SOCK_STREAM else 17, '', (addr, port)) for k in kinds]


def htons(x):
    return ((x & 0xff) << 8) | ((x >> 8) & 0xff)


ntohs = htons


class socket:
    def __init__(self, family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None):
        self.family = family
        self.type = type
        self.proto = proto
        if fileno is None:
            self._s = _il_net.socket(type)
        else:
            self._s = fileno
        _fds[_il_net.info(self._s)[2]] = self._s
        self._timeout = _default_timeout
        self._closed = False
        self._host = '0.0.0.0'

    def __repr__(self):
        closed = ' [closed]' if self._closed else ''
        return f'<socket.socket{closed} fd={self.fileno()}, family={self.family}, type={self.type}, proto={self.proto}>'

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        if self._closed:
            return -1
        return _il_net.info(self._s)[2]

    def setsockopt(self, level, option, value, optlen=None):
        pass

    def getsockopt(self, level, option, buflen=None):
        return 0

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def settimeout(self, t):
        self._timeout = _timeout_value(t)

    def gettimeout(self):
        return self._timeout

    def _live(self):
        if self._closed:
            raise OSError(9, 'Bad file descriptor')

    def _deadline(self):
        # None: block for ever; raises at once for a non-blocking socket.
        if self._timeout is None:
            return None
        if self._timeout == 0.0:
            raise BlockingIOError(11, 'Resource temporarily unavailable')
        return _il_net.after(self._timeout)

    def _wait_readable(self):
        if _il_net.readable(self._s):
            return
        end = self._deadline()
        while not _il_net.readable(self._s):
            if end is not None and _il_net.now() >= end:
                raise timeout('timed out')
            _il_net.wait(self._s, end)

    def bind(self, addr):
        self._live()
        host, port = _host(addr, 'bind')
        if host not in ('', '0.0.0.0', 'localhost') and not _il_net.loopback(host):
            if _known(host) or host.replace('.', '').isdigit():
                raise OSError(99, 'Cannot assign requested address')
            raise gaierror(EAI_NONAME, 'Name or service not known')
        _check(_il_net.bind(self._s, port))
        self._host = '127.0.0.1' if host in ('localhost',) else (host or '0.0.0.0')

    def listen(self, backlog=128):
        self._live()
        _check(_il_net.listen(self._s, backlog))

    def accept(self):
        self._live()
        while True:
            self._wait_readable()
            got = _il_net.accept(self._s)
            if got is not None:
                break
        conn, port = got
        s = socket(self.family, self.type, self.proto, conn)
        s._host = '127.0.0.1'
        s._timeout = None if _default_timeout is None else _default_timeout
        return s, ('127.0.0.1', port)

    def connect(self, addr):
        self._live()
        host, port = _host(addr, 'connect')
        _resolve(host)
        _check(_il_net.connect(self._s, port))
        _wake()
        if self._host == '0.0.0.0':
            self._host = '127.0.0.1'
        if self.type == SOCK_DGRAM:
            return
        if self._timeout == 0.0:
            # Linux's non-blocking TCP connect, even on the loopback: done when the socket turns writable.
            raise BlockingIOError(115, 'Operation now in progress')
        end = self._deadline()
        while _il_net.state(self._s) == 'connecting':
            if end is not None and _il_net.now() >= end:
                raise timeout('timed out')
            _il_net.wait(self._s, end)

    def connect_ex(self, addr):
        try:
            self.connect(addr)
        except OSError as e:
            return e.errno or 0
        return 0

    def send(self, data, flags=0):
        self._live()
        if self.type == SOCK_DGRAM:
            info = _il_net.info(self._s)
            if info[1] is None:
                raise OSError(89, 'Destination address required')
            n = _check(_il_net.sendto(self._s, bytes(data), info[1]))
        else:
            n = _check(_il_net.send(self._s, bytes(data)))
        _wake()
        return n

    def sendall(self, data, flags=0):
        self.send(data, flags)

    def sendto(self, data, flags_or_addr, addr=None):
        self._live()
        if addr is None:
            addr = flags_or_addr
        host, port = _host(addr, 'sendto')
        _resolve(host)
        n = _check(_il_net.sendto(self._s, bytes(data), port))
        _wake()
        return n

    def recv(self, bufsize, flags=0):
        self._live()
        if bufsize < 0:
            raise ValueError('negative buffersize in recv')
        while True:
            got = _il_net.recv(self._s, bufsize)
            if got is not None:
                break
            if _il_net.state(self._s) in ('fresh', 'listening') and self.type == SOCK_STREAM:
                raise OSError(107, 'Transport endpoint is not connected')
            self._wait_readable()
        if isinstance(got, int):
            raise _error(got)
        return got

    def recvfrom(self, bufsize, flags=0):
        self._live()
        while True:
            got = _il_net.recvfrom(self._s, bufsize)
            if got is not None:
                break
            self._wait_readable()
        data, port = got
        return data, ('127.0.0.1', port)

    def getsockname(self):
        self._live()
        port = _il_net.info(self._s)[0]
        return (self._host, port or 0)

    def getpeername(self):
        self._live()
        port = _il_net.info(self._s)[1]
        if port is None:
            raise OSError(107, 'Transport endpoint is not connected')
        return ('127.0.0.1', port)

    def shutdown(self, how):
        self._live()
        if how in (SHUT_WR, SHUT_RDWR):
            _il_net.close(self._s, True)
            _wake()

    def close(self):
        if not self._closed:
            self._closed = True
            _il_net.close(self._s)
            _wake()

    def detach(self):
        self._closed = True
        return -1

    def makefile(self, mode='r', buffering=None, encoding=None, errors=None, newline=None):
        return _SocketFile(self, mode)

    @property
    def timeout(self):
        return self._timeout


SocketType = socket


class _SocketFile:
    """What makefile() gives: reads and writes through the socket, lines included."""

    def __init__(self, sock, mode):
        self._sock = sock
        self._binary = 'b' in mode
        self._buf = b''
        self.closed = False

    def _out(self, data):
        return data if self._binary else data.decode()

    def read(self, n=-1):
        while n < 0 or len(self._buf) < n:
            chunk = self._sock.recv(65536)
            if not chunk:
                break
            self._buf += chunk
        if n < 0:
            data, self._buf = self._buf, b''
        else:
            data, self._buf = self._buf[:n], self._buf[n:]
        return self._out(data)

    def readline(self, limit=-1):
        while b'\n' not in self._buf:
            chunk = self._sock.recv(65536)
            if not chunk:
                break
            self._buf += chunk
        i = self._buf.find(b'\n')
        end = len(self._buf) if i < 0 else i + 1
        data, self._buf = self._buf[:end], self._buf[end:]
        return self._out(data)

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        self._sock.sendall(data)
        return len(data)

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def create_connection(address, timeout=None, source_address=None, *, all_errors=False):
    host, port = address
    s = socket(AF_INET, SOCK_STREAM)
    if timeout is not None:
        s.settimeout(timeout)
    try:
        s.connect((host, port))
    except BaseException:
        s.close()
        raise
    return s


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    s = socket(family, SOCK_STREAM)
    try:
        s.bind(address)
        if backlog is None:
            s.listen()
        else:
            s.listen(backlog)
    except BaseException:
        s.close()
        raise
    return s


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a, b = _il_net.pair()
    x = socket(family, type, proto, a)
    y = socket(family, type, proto, b)
    x._host = y._host = ''
    return x, y
