"""Interleave's sys: what programs read about the interpreter, its streams and limits (over the native `_sys`)."""

import _sys

argv = [_sys.filename()]
orig_argv = ['python3'] + argv
executable = '/usr/bin/python3'
base_executable = executable
prefix = exec_prefix = base_prefix = base_exec_prefix = '/usr'
platform = 'linux'
byteorder = 'little'
maxsize = 9223372036854775807
maxunicode = 1114111
api_version = 1013
hexversion = 0x30b07f0
version = '3.11.7 (main, Jan  1 2024, 00:00:00) [Interleave]'
copyright = 'Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.'
path = ['']
meta_path = []
path_hooks = []
warnoptions = []
builtin_module_names = ('_collections', '_random', '_sys', '_time', 'builtins', 'math', 'sys')
dont_write_bytecode = True
float_repr_style = 'short'
pycache_prefix = None


class _StructSeq(tuple):
    """A named tuple like CPython's struct sequences (`sys.version_info`, `sys.float_info`)."""

    _name = ''
    _fields = ()

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __getattr__(self, name):
        try:
            return self[self._fields.index(name)]
        except ValueError:
            raise AttributeError(f"'{self._name}' object has no attribute '{name}'") from None

    def __repr__(self):
        parts = ', '.join(f'{name}={value!r}' for name, value in zip(self._fields, self))
        return f'{self._name}({parts})'


class _VersionInfo(_StructSeq):
    _name = 'sys.version_info'
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')


class _FloatInfo(_StructSeq):
    _name = 'sys.float_info'
    _fields = ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon',
               'radix', 'rounds')


class _IntInfo(_StructSeq):
    _name = 'sys.int_info'
    _fields = ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold')


class _HashInfo(_StructSeq):
    _name = 'sys.hash_info'
    _fields = ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff')


class _Flags(_StructSeq):
    _name = 'sys.flags'
    _fields = ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site', 'no_site',
               'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization', 'isolated',
               'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits')


version_info = _VersionInfo((3, 11, 7, 'final', 0))
float_info = _FloatInfo((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
                         2.220446049250313e-16, 2, 1))
int_info = _IntInfo((30, 4, 4300, 640))
hash_info = _HashInfo((64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
flags = _Flags((0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1))


class _Implementation:
    name = 'cpython'
    cache_tag = 'cpython-311'
    version = version_info
    hexversion = hexversion
    _multiarch = 'x86_64-linux-gnu'

    def __repr__(self):
        return ("namespace(name='cpython', cache_tag='cpython-311', version=" + repr(version_info) +
                ", hexversion=" + str(hexversion) + ", _multiarch='x86_64-linux-gnu')")


implementation = _Implementation()


class _TextIO:
    """`sys.stdout` and `sys.stderr`: text streams into the run's output."""

    def __init__(self, name, fd, mode):
        self.name = name
        self._fd = fd
        self.mode = mode
        self.encoding = 'utf-8'
        self.errors = 'strict'
        self.closed = False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        return _sys.write(self._fd, s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        return self._fd

    def readable(self):
        return self._fd == 0

    def writable(self):
        return self._fd != 0

    def readline(self, size=-1):
        return ''

    def read(self, size=-1):
        return ''

    def readlines(self, hint=-1):
        return []

    def __iter__(self):
        return iter([])

    def __repr__(self):
        return f"<_io.TextIOWrapper name='{self.name}' mode='{self.mode}' encoding='utf-8'>"


stdin = __stdin__ = _TextIO('<stdin>', 0, 'r')
stdout = __stdout__ = _TextIO('<stdout>', 1, 'w')
stderr = __stderr__ = _TextIO('<stderr>', 2, 'w')


def __getattr__(name):
    # `sys.modules`: the modules imported so far, read anew at each use (a copy: changing it changes nothing).
    if name == 'modules':
        return _sys.modules()
    raise AttributeError(f"module 'sys' has no attribute '{name}'")


def exception():
    return _sys.exception()


def exc_info():
    exc = _sys.exception()
    if exc is None:
        return (None, None, None)
    return (type(exc), exc, exc.__traceback__)


def exit(status=None, /):
    if status is None:
        raise SystemExit
    raise SystemExit(status)


def getrecursionlimit():
    return _sys.getrecursionlimit()


def setrecursionlimit(limit, /):
    _sys.setrecursionlimit(limit)


def getsizeof(object, default=None):
    return _sys.getsizeof(object)


def getdefaultencoding():
    return 'utf-8'


def getfilesystemencoding():
    return 'utf-8'


def getfilesystemencodeerrors():
    return 'surrogateescape'


def intern(string, /):
    if type(string) is not str:
        raise TypeError(f"intern() argument must be str, not {type(string).__name__}")
    return string


_int_max_str_digits = 4300


def get_int_max_str_digits():
    return _int_max_str_digits


def set_int_max_str_digits(maxdigits):
    raise NotImplementedError("sys.set_int_max_str_digits() is not available in Interleave")


getswitchinterval = _sys.getswitchinterval
setswitchinterval = _sys.setswitchinterval


def is_finalizing():
    return False


def audit(event, /, *args):
    pass


def addaudithook(hook):
    pass
