"""Loops of builtins whose iterable runs Python code.

`sum(i * i for i in range(n))` would otherwise resume the generator from inside one native call, which the
budget cannot pause. The engine hands such calls here (see `vm/defer.rs`), after the builtin's own argument
checks, so the loop runs as frames the budget slices like the learner's own code. Each function does what
CPython's C code does, in the same order: the same items are drawn, the same operators and key functions
called, the same errors raised.
"""

_MISSING = object()


def sum(iterable, start):
    total = start
    for item in iterable:
        total = total + item
    return total


def extreme(iterable, key, default, name, smallest):
    # CPython compares each new item's key with the best so far: `<` for min, `>` for max.
    it = iter(iterable)
    for best in it:
        break
    else:
        if default is _MISSING:
            raise ValueError(name + "() arg is an empty sequence")
        return default
    if key is None:
        if smallest:
            for item in it:
                if item < best:
                    best = item
        else:
            for item in it:
                if item > best:
                    best = item
        return best
    best_key = key(best)
    if smallest:
        for item in it:
            k = key(item)
            if k < best_key:
                best = item
                best_key = k
    else:
        for item in it:
            k = key(item)
            if k > best_key:
                best = item
                best_key = k
    return best


def next(iterator, default):
    try:
        return iterator.__next__()
    except StopIteration:
        if default is _MISSING:
            raise
    return default


def any(iterable):
    for item in iterable:
        if item:
            return True
    return False


def all(iterable):
    for item in iterable:
        if not item:
            return False
    return True


def to_list(iterable):
    return [item for item in iterable]


def to_tuple(iterable):
    return tuple([item for item in iterable])


def to_set(iterable):
    return {item for item in iterable}


def to_frozenset(iterable):
    return frozenset([item for item in iterable])


def to_dict(iterable):
    return dict([item for item in iterable])


def sorted(*iterable, **options):
    items = [item for item in iterable[0]]
    items.sort(**options)
    return items


def join(sep, iterable):
    return sep.join([item for item in iterable])


def extend(items, iterable):
    append = items.append
    for item in iterable:
        append(item)


def star_call(func, iterable, kwargs):
    # `f(*gen)`: the arguments are drawn in frames, so a generator that blocks or runs long is budgeted.
    args = []
    for item in iterable:
        args.append(item)
    if kwargs is None:
        return func(*args)
    return func(*args, **kwargs)
