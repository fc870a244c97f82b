"""`contextvars`: variables whose value depends on the context the code runs in.

A context is a mapping from variables to values. The running code's mapping lives in the engine (per thread, and
per asyncio task for the length of each of its steps: `_interleave.context_data` gives it, `context_swap` puts
another in effect). A task starts with a copy of its creator's mapping, a new thread with an empty one, as in
CPython 3.11. CPython's mappings are immutable trees shared between copies; these are dicts copied whole, which
is the same to a program.
"""
import _interleave as _il

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')


class _Missing:
    __slots__ = ()

    def __repr__(self):
        return '<Token.MISSING>'


_NO_DEFAULT = object()


class Context:
    __module__ = '_contextvars'

    def __init__(self):
        self._data = {}
        self._entered = False

    def __repr__(self):
        return f'<_contextvars.Context object at {hex(id(self))}>'

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self!r} is already entered')
        self._entered = True
        outer = _il.context_swap(self._data)
        try:
            return callable(*args, **kwargs)
        finally:
            _il.context_swap(outer)
            self._entered = False

    def copy(self):
        return _wrap(dict(self._data))

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        try:
            return self._data[var]
        except KeyError:
            raise KeyError(var) from None

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def keys(self):
        return list(self._data.keys())

    def values(self):
        return list(self._data.values())

    def items(self):
        return list(self._data.items())

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


def _wrap(data):
    ctx = Context()
    ctx._data = data
    return ctx


def copy_context():
    data = _il.context_data(False)
    return _wrap({} if data is None else dict(data))


class ContextVar:
    __module__ = '_contextvars'
    __slots__ = ('_name', '_default')

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        object.__setattr__(self, '_name', name)
        object.__setattr__(self, '_default', default)

    def __setattr__(self, name, value):
        if name == 'name':
            raise AttributeError('readonly attribute')
        raise AttributeError(f"'ContextVar' object has no attribute '{name}'")

    @property
    def name(self):
        return self._name

    def __repr__(self):
        default = '' if self._default is _NO_DEFAULT else f' default={self._default!r}'
        return f'<ContextVar name={self._name!r}{default} at {hex(id(self))}>'

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f'get expected at most 1 argument, got {len(args)}')
        data = _il.context_data(False)
        if data is not None and self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        data = _il.context_data(True)
        old = data.get(self, Token.MISSING)
        data[self] = value
        return _token(data, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f'expected an instance of Token, got {token!r}')
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        data = _il.context_data(True)
        if token._data is not data:
            raise ValueError(f'{token!r} was created in a different Context')
        if token._old is Token.MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old
        token._used = True


class Token:
    __module__ = '_contextvars'
    MISSING = _Missing()

    def __init__(self, *args, **kwargs):
        raise RuntimeError('Tokens can only be created by ContextVars')

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at {hex(id(self))}>'


def _token(data, var, old):
    token = object.__new__(Token)
    token._data = data
    token._var = var
    token._old = old
    token._used = False
    return token
