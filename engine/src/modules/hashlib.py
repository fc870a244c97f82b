"""hashlib: md5, sha1, sha224, sha256 and sha512, with CPython's API (`update`, `digest`, `hexdigest`, `copy`,
`new`) and its errors. The digests are computed natively (`modules/hashlib.rs`) from the bytes fed so far."""
import _hashlib

_SIZES = {'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64), 'sha512': (64, 128)}

algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)


def _as_bytes(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError("object supporting the buffer API required")


class _Hash:
    __module__ = '_hashlib'

    def __init__(self, name, data=b''):
        self._name = name
        self._parts = []
        if data:
            self.update(data)

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _SIZES[self._name][0]

    @property
    def block_size(self):
        return _SIZES[self._name][1]

    def update(self, data, /):
        self._parts.append(_as_bytes(data))

    def digest(self):
        data = b''.join(self._parts)
        self._parts = [data]
        return _hashlib.digest(self._name, data)

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = _Hash(self._name)
        other._parts = list(self._parts)
        return other

    def __repr__(self):
        return f'<{self._name} _hashlib.HASH object @ {hex(id(self))}>'


_Hash.__name__ = _Hash.__qualname__ = 'HASH'


def new(name, data=b'', *, usedforsecurity=True):
    if not isinstance(name, str):
        raise TypeError(f'new() argument \'name\' must be str, not {type(name).__name__}')
    key = name.lower().replace('-', '')
    if key not in _SIZES:
        raise ValueError(f'unsupported hash type {name}')
    return _Hash(key, data)


def md5(data=b'', *, usedforsecurity=True):
    return _Hash('md5', data)


def sha1(data=b'', *, usedforsecurity=True):
    return _Hash('sha1', data)


def sha224(data=b'', *, usedforsecurity=True):
    return _Hash('sha224', data)


def sha256(data=b'', *, usedforsecurity=True):
    return _Hash('sha256', data)


def sha512(data=b'', *, usedforsecurity=True):
    return _Hash('sha512', data)
