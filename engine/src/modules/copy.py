"""Interleave's copy: shallow and deep copies of builtin containers and instances, as CPython's copy module makes them."""


class Error(Exception):
    pass


error = Error


def _function():
    pass


_atomic = {type(None), int, float, bool, complex, str, bytes, type, range, type(Ellipsis),
           type(NotImplemented), type(_function), type(len), property, slice}


def copy(x):
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A tuple inside itself (through a list) is already copied by now.
        if d in memo:
            return memo[d]
        same = True
        for k, j in zip(x, items):
            if k is not j:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _user_defines(cls, name):
    for klass in cls.__mro__:
        if klass is object:
            return False
        if name in klass.__dict__:
            return True
    return False


def _reconstruct(x, memo):
    """What `copyreg.__reduce_ex__(x, 4)` and `copy._reconstruct` do together, for ordinary objects."""
    deep = memo is not None
    cls = type(x)
    if _user_defines(cls, '__reduce_ex__') or _user_defines(cls, '__reduce__'):
        rv = x.__reduce_ex__(4) if _user_defines(cls, '__reduce_ex__') else x.__reduce__()
        if isinstance(rv, str):
            return x
        func, args = rv[0], rv[1]
        if deep:
            args = deepcopy(args, memo)
        y = func(*args)
        if deep:
            memo[id(x)] = y
        state = rv[2] if len(rv) > 2 else None
        listiter = rv[3] if len(rv) > 3 else None
        dictiter = rv[4] if len(rv) > 4 else None
    else:
        if _user_defines(cls, '__getnewargs_ex__'):
            args, kwargs = x.__getnewargs_ex__()
        elif _user_defines(cls, '__getnewargs__'):
            args, kwargs = x.__getnewargs__(), {}
        else:
            args, kwargs = (), {}
        if deep:
            args = deepcopy(args, memo)
            kwargs = deepcopy(kwargs, memo)
        y = cls.__new__(cls, *args, **kwargs)
        if deep:
            memo[id(x)] = y
        if _user_defines(cls, '__getstate__'):
            state = x.__getstate__()
        else:
            state = getattr(x, '__dict__', None) or None
        listiter = iter(x) if isinstance(x, list) else None
        dictiter = iter(x.items()) if isinstance(x, dict) else None
        if isinstance(x, set):
            for item in x:
                y.add(deepcopy(item, memo) if deep else item)
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                for key, value in state.items():
                    object.__setattr__(y, key, value)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y

