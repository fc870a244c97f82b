"""Interleave's enum: Enum, IntEnum, StrEnum, Flag and IntFlag without a metaclass.

CPython builds members in `EnumType.__new__`; here `Enum.__init_subclass__` turns the class attributes into
members, and the VM routes `Color(1)`, `iter(Color)`, `len(Color)`, `x in Color` and `repr(Color)` to the
`__il_call__`, `__il_iter__`, `__il_len__`, `__il_contains__` and `__il_repr__` functions (each takes the class
first). `Color['RED']` is `__class_getitem__`.
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum', 'auto',
           'unique', 'property', 'verify', 'member', 'nonmember', 'FlagBoundary', 'STRICT', 'CONFORM',
           'EJECT', 'KEEP', 'global_enum', 'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE']

_builtin_property = property
_builtin_type = type
_builtin_bin = bin
# The library's own base classes, which never contribute a member type or an `__init__` to call.
_BASES = []


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class _Deferred:
    """Arithmetic on `auto()` values in a class body, which CPython resolves as they are assigned and
    Interleave resolves when the class is complete."""

    def _resolve(self):
        raise NotImplementedError

    def __or__(self, other):
        return _AutoExpr(lambda a, b: a | b, self, other)

    def __ror__(self, other):
        return _AutoExpr(lambda a, b: a | b, other, self)

    def __and__(self, other):
        return _AutoExpr(lambda a, b: a & b, self, other)

    def __rand__(self, other):
        return _AutoExpr(lambda a, b: a & b, other, self)

    def __xor__(self, other):
        return _AutoExpr(lambda a, b: a ^ b, self, other)

    def __add__(self, other):
        return _AutoExpr(lambda a, b: a + b, self, other)

    def __radd__(self, other):
        return _AutoExpr(lambda a, b: a + b, other, self)

    def __sub__(self, other):
        return _AutoExpr(lambda a, b: a - b, self, other)

    def __mul__(self, other):
        return _AutoExpr(lambda a, b: a * b, self, other)

    def __invert__(self):
        return _AutoExpr(lambda a, b: ~a, self, None)


def _resolved(v):
    return v._resolve() if isinstance(v, _Deferred) else v


class _AutoExpr(_Deferred):
    def __init__(self, op, a, b):
        self.op = op
        self.a = a
        self.b = b

    def _resolve(self):
        return self.op(_resolved(self.a), _resolved(self.b))


class auto(_Deferred):
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value

    def _resolve(self):
        return self.value


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _function():
    pass


_FUNCTION_TYPES = (_builtin_type(_function), staticmethod, classmethod, _builtin_property)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1:2] != '_' and name[-2:-1] != '_'


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name.lstrip('_'),)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith('__')


def _is_descriptor(obj):
    if isinstance(obj, _FUNCTION_TYPES):
        return True
    for klass in _builtin_type(obj).__mro__:
        d = klass.__dict__
        if '__get__' in d or '__set__' in d or '__delete__' in d:
            return klass is not object
    return False


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _high_bit(value):
    return value.bit_length() - 1


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def bin(num, max_bits=None):
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = _builtin_bin(num + ceiling).replace('1', '0', 1)
    else:
        s = _builtin_bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class FlagBoundary:
    def __init__(self, name):
        self._name_ = name

    def __repr__(self):
        return '<FlagBoundary.%s: %r>' % (self._name_, self._name_.lower())


STRICT = FlagBoundary('STRICT')
CONFORM = FlagBoundary('CONFORM')
EJECT = FlagBoundary('EJECT')
KEEP = FlagBoundary('KEEP')
CONTINUOUS = 'no skipped integer values'
NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
UNIQUE = 'one name per value'


_DATA_TYPES = (int, str, float, bytes, tuple, complex)


def _find_data_type(cls):
    for klass in cls.__mro__:
        if klass in _DATA_TYPES:
            return klass
    return object


def _first_enum_definer(cls, name):
    for klass in cls.__mro__:
        if klass is not Enum and not _is_enum_class(klass):
            continue
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


def _is_enum_class(klass):
    try:
        return Enum in klass.__mro__
    except NameError:
        return False


def _cls_repr(cls):
    if Flag is not None and Flag in cls.__mro__:
        return "<flag %r>" % cls.__name__
    return "<enum %r>" % cls.__name__


Flag = None


def _init_enum_class(cls, boundary):
    ns = dict(cls.__dict__)
    for base in cls.__mro__[1:]:
        if _is_enum_class(base) and base.__dict__.get('_member_names_'):
            raise TypeError(f"{_cls_repr(cls)} cannot extend {_cls_repr(base)}")
    member_type = _find_data_type(cls)
    cls._member_type_ = member_type
    cls._member_names_ = []
    cls._member_map_ = {}
    cls._value2member_map_ = {}
    cls._unhashable_values_ = []
    is_flag = Flag is not None and Flag in cls.__mro__
    if boundary is None:
        for klass in cls.__mro__[1:]:
            if klass.__dict__.get('_boundary_') is not None:
                boundary = klass.__dict__['_boundary_']
                break
    cls._boundary_ = boundary

    # Mixed-in data types must not supply repr/str/format (CPython's EnumType does the same fix-up).
    for name in ('__repr__', '__str__', '__format__'):
        if name in ns:
            continue
        owner = None
        for klass in cls.__mro__:
            if name in klass.__dict__:
                owner = klass
                break
        if owner is None or owner is member_type or owner is object or not _is_enum_class(owner):
            method = _first_enum_definer(cls, name)
            if method is not None:
                setattr(cls, name, method)

    # The candidate members, in definition order.
    candidates = []
    for name, value in ns.items():
        if _is_dunder(name) or _is_sunder(name) or _is_private(cls.__name__, name):
            continue
        if isinstance(value, nonmember):
            setattr(cls, name, value.value)
            continue
        if isinstance(value, member):
            value = value.value
        elif _is_descriptor(value):
            continue
        candidates.append((name, value))

    user_init = None
    for klass in cls.__mro__:
        if klass in _BASES or klass is object or klass is member_type:
            continue
        if '__init__' in klass.__dict__:
            user_init = klass.__dict__['__init__']
            break
    user_new = ns.get('__new__')
    if user_new is not None and isinstance(user_new, staticmethod):
        user_new = user_new.__func__

    last_values = []
    sort_order = 0
    for name, value in candidates:
        if isinstance(value, auto):
            if value.value is _auto_null:
                value.value = cls._generate_next_value_(name, 1, len(last_values), last_values[:])
            value = value.value
        elif isinstance(value, _AutoExpr):
            value = value._resolve()
        elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
            parts = []
            for v in value:
                if isinstance(v, auto):
                    if v.value is _auto_null:
                        v.value = cls._generate_next_value_(name, 1, len(last_values), last_values[:])
                    v = v.value
                parts.append(v)
            value = tuple(parts)
        last_values.append(value)
        if isinstance(value, tuple):
            args = value
        else:
            args = (value,)
        if member_type is tuple:
            args = (args,)
        if user_new is not None:
            enum_member = user_new(cls, *args)
            if not hasattr(enum_member, '_value_'):
                enum_member._value_ = value if member_type is object else member_type(*args)
        else:
            if member_type is object:
                enum_member = object.__new__(cls)
                enum_member._value_ = value
            else:
                if member_type is str and issubclass(cls, StrEnum) and not isinstance(value, str):
                    raise TypeError('%r is not a string' % (value,))
                enum_member = member_type.__new__(cls, *args)
                enum_member._value_ = member_type(*args)
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        if user_init is not None:
            user_init(enum_member, *args)
        enum_member._sort_order_ = sort_order
        sort_order += 1
        # An equal value makes an alias of the existing member.
        canonical = None
        try:
            canonical = cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is None:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            enum_member = canonical
        elif not is_flag or _is_single_bit(value):
            cls._member_names_.append(name)
        if is_flag:
            enum_member._inverted_ = None
        cls._member_map_[name] = enum_member
        setattr(cls, name, enum_member)
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)

    cls.__members__ = dict(cls._member_map_)
    if is_flag:
        single_bits = 0
        multi_bits = 0
        for m in cls._member_map_.values():
            v = m._value_
            if _is_single_bit(v):
                single_bits |= v
            else:
                multi_bits |= v
        cls._flag_mask_ = single_bits | multi_bits
        cls._singles_mask_ = single_bits
        cls._all_bits_ = 2 ** ((cls._flag_mask_).bit_length()) - 1
        values = [cls._member_map_[n]._value_ for n in cls._member_names_]
        if values != sorted(values):
            cls._iter_member_ = cls._iter_member_by_def_
        else:
            cls._iter_member_ = cls._iter_member_by_value_


class Enum:  # il-hooks: class calls, iteration, len, `in` and repr go to the `__il_` functions below.
    @classmethod
    def __init_subclass__(cls, boundary=None, **kwds):
        _init_enum_class(cls, boundary)

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __il_call__(cls, value, names=None, *values, module=None, qualname=None, type=None, start=1,
                    boundary=None):
        if names is None:
            return _lookup(cls, value)
        return _create(cls, value, names, module=module, qualname=qualname, type=type, start=start,
                       boundary=boundary)

    def __il_iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __il_reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __il_len__(cls):
        return len(cls._member_names_)

    def __il_contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    _builtin_type(value).__qualname__, 'EnumType'))
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __il_repr__(cls):
        return _cls_repr(cls)

    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    @_builtin_property
    def name(self):
        return self._name_

    @_builtin_property
    def value(self):
        return self._value_

    _value_repr_ = None


_BASES.append(Enum)


def _lookup(cls, value):
    if _builtin_type(value) is cls:
        return value
    try:
        return cls._value2member_map_[value]
    except KeyError:
        pass
    except TypeError:
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
    for m in cls._member_map_.values():
        if m._value_ == value:
            return m
    result = cls._missing_(value)
    if isinstance(result, cls):
        return result
    if Flag is not None and Flag in cls.__mro__ and cls._boundary_ is EJECT and isinstance(result, int):
        return result
    if result is None:
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
    raise TypeError(
        'error in %s._missing_: returned %r instead of None or a valid member' % (cls.__name__, result))


def _create(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
    bases = (cls,) if type is None else (type, cls)
    ns = {}
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        original_names, names = names, []
        last_values = []
        for count, name in enumerate(original_names):
            value = cls._generate_next_value_(name, start, count, last_values[:])
            last_values.append(value)
            names.append((name, value))
    if isinstance(names, dict):
        names = list(names.items())
    for item in names:
        if isinstance(item, str):
            member_name, member_value = item, names[item]
        else:
            member_name, member_value = item
        ns[member_name] = member_value
    ns['__module__'] = module if module is not None else '__main__'
    ns['__qualname__'] = qualname if qualname is not None else class_name
    new = _builtin_type(class_name, bases, ns)
    return new


class ReprEnum(Enum):
    def __str__(self):
        return str(self._value_) if not isinstance(self._value_, str) else self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


_BASES.append(ReprEnum)


class IntEnum(int, ReprEnum):
    __repr__ = Enum.__repr__
    __str__ = ReprEnum.__str__
    __format__ = ReprEnum.__format__


_BASES.append(IntEnum)


class StrEnum(str, ReprEnum):
    __repr__ = Enum.__repr__
    __str__ = ReprEnum.__str__
    __format__ = ReprEnum.__format__

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


_BASES.append(StrEnum)


class Flag(Enum):
    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        for val in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(val)

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%s invalid value %r\n    given %s\n  allowed %s" % (
                    _cls_repr(cls), value, bin(value, max_bits), bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** (value.bit_length())) + value
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]' % (cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        pseudo_member._value_ = value
        pseudo_member._inverted_ = None
        if member_value or aliases:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if aliases:
                value = member_value | aliases
                for n, pm in cls._member_map_.items():
                    if pm not in members and pm._value_ and pm._value_ & value == pm._value_:
                        members.append(pm)
                        combined_value |= pm._value_
            unknown = value ^ combined_value
            pseudo_member._name_ = '|'.join([m._name_ for m in members])
            if not combined_value:
                pseudo_member._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%s: no members with value %r' % (_cls_repr(cls), unknown))
            elif unknown:
                pseudo_member._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo_member._name_ = None
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return _builtin_bin(self._value_).count('1')

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            other = other
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            other = other
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            other = other
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


Flag._boundary_ = STRICT
_BASES.append(Flag)


class IntFlag(int, ReprEnum, Flag):
    __repr__ = Flag.__repr__
    __str__ = ReprEnum.__str__
    __format__ = ReprEnum.__format__
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__


IntFlag._boundary_ = KEEP
_BASES.append(IntFlag)

EnumType = EnumMeta = _builtin_type
property = _builtin_property


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %s: %s' % (_cls_repr(enumeration), alias_details))
    return enumeration


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


def global_enum(cls):
    return cls


class EnumCheck:
    CONTINUOUS = CONTINUOUS
    NAMED_FLAGS = NAMED_FLAGS
    UNIQUE = UNIQUE
