"""Interleave's abc: abstract methods and virtual subclasses without a metaclass, through the VM's `__il_` hooks."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True


class abstractproperty(property):
    __isabstractmethod__ = True


# Virtual subclasses registered with each ABC, also recorded under the ABC's ancestors (which is what
# CPython's walk over `__subclasses__()` amounts to).
_registry = {}
_abstract_cache = {}


def _isabstract(value):
    try:
        return getattr(value, '__isabstractmethod__', False) is True
    except Exception:
        return False


def _abstracts(cls):
    try:
        return _abstract_cache[cls]
    except KeyError:
        pass
    found = set()
    seen = set()
    for klass in cls.__mro__:
        for name in klass.__dict__:
            if name in seen:
                continue
            seen.add(name)
            if _isabstract(getattr(cls, name, None)):
                found.add(name)
    result = frozenset(found)
    _abstract_cache[cls] = result
    return result


def _has_init(cls):
    for klass in cls.__mro__:
        if klass is object:
            return False
        if '__init__' in klass.__dict__:
            return True
    return False


def _subclasscheck(cls, sub):
    if not isinstance(sub, type):
        raise TypeError('issubclass() arg 1 must be a class')
    mro = sub.__mro__
    if cls in mro:
        return True
    ok = cls.__subclasshook__(sub)
    if ok is not NotImplemented:
        return bool(ok)
    for registered in _registry.get(cls, ()):
        if registered in mro:
            return True
    return False


def _chain_init_subclass(owner, cls, kwargs):
    # `object.__init_subclass__` may not exist as an attribute, so the next hook is looked up by hand.
    mro = cls.__mro__
    for klass in mro[mro.index(owner) + 1:]:
        if '__init_subclass__' in klass.__dict__:
            super(owner, cls).__init_subclass__(**kwargs)
            return
    if kwargs:
        raise TypeError(f"{cls.__name__}.__init_subclass__() takes no keyword arguments")


class ABCMeta(type):
    pass


def get_cache_token():
    return len(_registry)


class ABC:  # il-hooks: the VM routes isinstance and issubclass to the `__il_` functions below.
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        abstracts = _abstracts(cls)
        if abstracts:
            names = sorted(abstracts)
            s = '' if len(names) == 1 else 's'
            raise TypeError(
                f"Can't instantiate abstract class {cls.__name__} with abstract method{s} {', '.join(names)}"
            )
        if (args or kwargs) and not _has_init(cls):
            raise TypeError(f"{cls.__name__}() takes no arguments")
        return object.__new__(cls)

    @classmethod
    def __init_subclass__(cls, /, **kwargs):
        _chain_init_subclass(ABC, cls, kwargs)
        _abstract_cache.pop(cls, None)
        cls.__abstractmethods__ = _abstracts(cls)

    @classmethod
    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        for klass in cls.__mro__:
            if klass is ABC or klass is object:
                continue
            if isinstance(klass, type) and ABC in klass.__mro__:
                _registry.setdefault(klass, []).append(subclass)
        return subclass

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented

    def __il_subclasscheck__(cls, sub):
        return _subclasscheck(cls, sub)

    def __il_instancecheck__(cls, obj):
        return _subclasscheck(cls, type(obj))


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    _abstract_cache.pop(cls, None)
    cls.__abstractmethods__ = _abstracts(cls)
    return cls
