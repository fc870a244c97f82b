"""Interleave's typing: the names annotations use, subscriptable, with CPython's reprs; type checks stay static.

`Generic[T]` and `Protocol[T]` give back the class itself, so user generics are ordinary classes; `NamedTuple`
and `TypedDict` build their classes in `__init_subclass__` instead of a metaclass.
"""

import collections
import _collections_abc as _abc

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return type(None)
    return arg


class _Final:
    pass


class _GenericAlias(_Final):
    """`List[int]`: an origin with arguments."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is ... else _type_check(a) for a in args)
        self._name = name

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__ == ():
            return f'{name}[()]'
        return '{}[{}]'.format(name, ', '.join([_type_repr(a) for a in self.__args__]))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if self._name:
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return self

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


class _CallableAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        params = ', '.join(_type_repr(a) for a in args[:-1])
        return f'typing.Callable[[{params}], {_type_repr(args[-1])}]'


class _SpecialGenericAlias(_Final):
    """`List`, `Dict`, ...: an unsubscripted alias of a builtin or collections.abc class."""

    def __init__(self, origin, nparams, name):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Callable':
            if len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            if args is ...:
                return _CallableAlias(self.__origin__, (..., result), 'Callable')
            return _CallableAlias(self.__origin__, tuple(args) + (result,), 'Callable')
        if self._name == 'Tuple' and params == ((),):
            params = ()
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return super().__repr__()

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _SpecialForm(_Final):
    def __init__(self, name, getitem):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _flatten_union(parameters):
    params = []
    for p in parameters:
        p = _type_check(p)
        if isinstance(p, _UnionAlias):
            params.extend(p.__args__)
        else:
            params.append(p)
    out = []
    for p in params:
        if p not in out:
            out.append(p)
    return tuple(out)


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    return _UnionAlias(self, parameters, 'Union')


def _optional_getitem(self, parameters):
    return Union[parameters, None]


def _generic_form_getitem(self, parameters):
    return _GenericAlias(self, parameters, self._name)


def _no_getitem(self, parameters):
    raise TypeError(f"{self} is not subscriptable")


Any = _SpecialForm('Any', _no_getitem)
NoReturn = _SpecialForm('NoReturn', _no_getitem)
Never = _SpecialForm('Never', _no_getitem)
Self = _SpecialForm('Self', _no_getitem)
LiteralString = _SpecialForm('LiteralString', _no_getitem)
TypeAlias = _SpecialForm('TypeAlias', _no_getitem)
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
ClassVar = _SpecialForm('ClassVar', _generic_form_getitem)
Final = _SpecialForm('Final', _generic_form_getitem)
Literal = _SpecialForm('Literal', _generic_form_getitem)
Annotated = _SpecialForm('Annotated', _generic_form_getitem)
TypeGuard = _SpecialForm('TypeGuard', _generic_form_getitem)
Concatenate = _SpecialForm('Concatenate', _generic_form_getitem)
Required = _SpecialForm('Required', _generic_form_getitem)
NotRequired = _SpecialForm('NotRequired', _generic_form_getitem)
Unpack = _SpecialForm('Unpack', _generic_form_getitem)


def _literal_repr(self):
    return 'typing.{}[{}]'.format(self._name, ', '.join(repr(a) for a in self.__args__))


class _LiteralAlias(_GenericAlias):
    def __init__(self, origin, args, name):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self._name = name

    def __repr__(self):
        if self._name == 'Annotated':
            first = _type_repr(self.__args__[0])
            rest = ', '.join(repr(a) for a in self.__args__[1:])
            return f'typing.Annotated[{first}, {rest}]'
        return _literal_repr(self)


Literal._getitem = lambda self, p: _LiteralAlias(self, p, 'Literal')
Annotated._getitem = lambda self, p: _LiteralAlias(self, p, 'Annotated')


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        super().__init__(name, bound=bound, covariant=covariant, contravariant=contravariant)
        self.args = self
        self.kwargs = self


class TypeVarTuple(TypeVar):
    pass


AnyStr = TypeVar('AnyStr', bytes, str)
Text = str

List = _SpecialGenericAlias(list, 1, 'List')
Dict = _SpecialGenericAlias(dict, 2, 'Dict')
Set = _SpecialGenericAlias(set, 1, 'Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet')
Tuple = _SpecialGenericAlias(tuple, -1, 'Tuple')
Type = _SpecialGenericAlias(type, 1, 'Type')
Deque = _SpecialGenericAlias(collections.deque, 1, 'Deque')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, 'OrderedDict')
Counter = _SpecialGenericAlias(collections.Counter, 1, 'Counter')
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2, 'ChainMap')
Callable = _SpecialGenericAlias(_abc.Callable, 2, 'Callable')
Hashable = _SpecialGenericAlias(_abc.Hashable, 0, 'Hashable')
Sized = _SpecialGenericAlias(_abc.Sized, 0, 'Sized')
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1, 'Awaitable')
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3, 'Coroutine')
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1, 'AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1, 'AsyncIterator')
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2, 'AsyncGenerator')
Iterable = _SpecialGenericAlias(_abc.Iterable, 1, 'Iterable')
Iterator = _SpecialGenericAlias(_abc.Iterator, 1, 'Iterator')
Reversible = _SpecialGenericAlias(_abc.Reversible, 1, 'Reversible')
Generator = _SpecialGenericAlias(_abc.Generator, 3, 'Generator')
Container = _SpecialGenericAlias(_abc.Container, 1, 'Container')
Collection = _SpecialGenericAlias(_abc.Collection, 1, 'Collection')
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, 'AbstractSet')
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1, 'MutableSet')
Mapping = _SpecialGenericAlias(_abc.Mapping, 2, 'Mapping')
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2, 'MutableMapping')
Sequence = _SpecialGenericAlias(_abc.Sequence, 1, 'Sequence')
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1, 'MutableSequence')
ByteString = _SpecialGenericAlias(_abc.ByteString, 0, 'ByteString')
MappingView = _SpecialGenericAlias(_abc.MappingView, 1, 'MappingView')
KeysView = _SpecialGenericAlias(_abc.KeysView, 1, 'KeysView')
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2, 'ItemsView')
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1, 'ValuesView')


class Generic:
    """A class whose subscription (`Box[int]`) is the class itself."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):  # il-hooks: isinstance goes to `__il_instancecheck__`.
    """Structural types: explicit subclasses are ordinary classes; `@runtime_checkable` ones answer
    isinstance by looking for the protocol's members."""

    @classmethod
    def __init_subclass__(cls, **kwargs):
        cls._is_protocol = Protocol in cls.__bases__ or any(
            b.__dict__.get('_is_protocol', False) for b in cls.__bases__ if b is not Protocol and b is not Generic
            and Protocol in b.__bases__)
        cls._is_runtime_protocol = False

    def __il_instancecheck__(cls, obj):
        if not cls.__dict__.get('_is_protocol', False):
            return NotImplemented
        if not cls.__dict__.get('_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        if cls in type(obj).__mro__:
            return True
        for attr in _protocol_attrs(cls):
            if not hasattr(obj, attr):
                return False
        return True


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__:
        if base is Protocol or base is Generic or base is object:
            continue
        for attr in base.__dict__:
            if attr.startswith('_abc_') or attr in (
                    '__abstractmethods__', '__annotations__', '__weakref__', '_is_protocol',
                    '_is_runtime_protocol', '__dict__', '__args__', '__slots__', '__next_in_mro__',
                    '__parameters__', '__origin__', '__orig_bases__', '__extra__', '__tree_hash__',
                    '__doc__', '__subclasshook__', '__init__', '__new__', '__module__', '_MutableMapping__marker',
                    '_gorg', '__qualname__', '__init_subclass__', '__il_instancecheck__'):
                continue
            if attr not in attrs:
                attrs.append(attr)
    return attrs


def runtime_checkable(cls):
    cls._is_runtime_protocol = True
    return cls


def _namedtuple_fields(cls):
    annotations = cls.__dict__.get('__annotations__', {})
    fields = list(annotations)
    defaults = {}
    for name in fields:
        if name in cls.__dict__:
            defaults[name] = cls.__dict__[name]
        elif defaults:
            raise TypeError(f"Non-default namedtuple field {name} cannot follow default field"
                            f"{'s' if len(defaults) > 1 else ''} {', '.join(defaults)}")
    return annotations, fields, defaults


class NamedTuple(tuple):
    """`class Point(NamedTuple): x: int` makes `Point` a namedtuple class (it keeps `NamedTuple` among its bases)."""

    def __new__(cls, typename=None, fields=None, /, **kwargs):
        if cls is not NamedTuple:
            return tuple.__new__(cls)
        if fields is None:
            fields = kwargs.items()
        fields = list(fields)
        nt = collections.namedtuple(typename, [n for n, t in fields])
        nt.__annotations__ = {n: t for n, t in fields}
        return nt

    @classmethod
    def __init_subclass__(cls, **kwargs):
        annotations, fields, defaults = _namedtuple_fields(cls)
        ns = collections._namedtuple_namespace(cls.__name__, fields, defaults, cls.__module__)
        for key, value in ns.items():
            if key in ('__module__', '__qualname__', '__slots__'):
                continue
            if key == '__doc__' and cls.__dict__.get('__doc__'):
                continue
            setattr(cls, key, value)


class TypedDict(dict):
    """`class Movie(TypedDict): ...`: calling the class makes a plain dict."""

    def __new__(cls, *args, total=True, **kwargs):
        if cls is TypedDict:
            typename = args[0]
            fields = args[1] if len(args) > 1 else kwargs
            ns = {'__annotations__': dict(fields), '__module__': '__main__', '__qualname__': typename}
            return type(typename, (TypedDict,), ns)
        return dict(*args, **kwargs)

    @classmethod
    def __init_subclass__(cls, total=True, **kwargs):
        cls.__total__ = total


class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __call__(self, x):
        return x

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __or__(self, other):
        return Union[self, other]


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    import sys
    sys.stderr.write(f"Runtime type is {type(obj).__name__!r}\n")
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-ed.")
    return _overload_dummy


def get_overloads(func):
    return []


def clear_overloads():
    pass


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', None) or {})


def is_typeddict(tp):
    return isinstance(tp, type) and TypedDict in tp.__mro__ and tp is not TypedDict


class SupportsInt(Protocol):
    def __int__(self): ...


class SupportsFloat(Protocol):
    def __float__(self): ...


class SupportsIndex(Protocol):
    def __index__(self): ...


class SupportsAbs(Protocol):
    def __abs__(self): ...


class SupportsRound(Protocol):
    def __round__(self, ndigits=0): ...


class IO(Generic):
    pass


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass
