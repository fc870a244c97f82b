# `*` and `**` in calls and displays: CPython's messages name the function being called.


def f(*args, **kwargs):
    return args, kwargs


class Box:
    def put(self, *items):
        return items


class Mapping:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, key):
        return key.upper()


def check(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, "TypeError:", e)


check("star int", lambda: f(*5))
check("star after positional", lambda: f(1, *5))
check("star builtin", lambda: print(*5))
check("star method", lambda: Box().put(*None))
check("star builtin method", lambda: [].append(*5))
check("star class", lambda: Box(*3.5))
check("star generator", lambda: f(*(x for x in range(3))))
check("list display", lambda: [*5])
check("tuple display", lambda: (1, *None))
check("double star int", lambda: f(**5))
check("double star list", lambda: f(**[("a", 1)]))
check("double star mapping", lambda: f(**Mapping()))
check("repeated keyword", lambda: f(**{"a": 1}, **{"a": 2}))
check("keyword then double star", lambda: f(a=1, **{"a": 2}))
check("dict display", lambda: {**5})
check("dict display pairs", lambda: {**[("a", 1)]})
check("dict display repeats", lambda: {**{"a": 1}, **{"a": 2}})
check("keywords not strings", lambda: f(**{1: 2}))
