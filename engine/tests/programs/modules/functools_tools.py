import functools
from functools import partial, reduce, wraps, lru_cache, total_ordering, cached_property, cmp_to_key, singledispatch
def greet(greeting, name, punct='!'):
    return f"{greeting}, {name}{punct}"
hello = partial(greet, 'Hello')
print(hello('Ada'), hello('Bob', punct='?'), hello.args, hello.keywords, hello.func is greet)
p2 = partial(hello, punct='.')
print(p2('Cy'), p2.args, p2.keywords, p2.func is greet, repr(partial(max, 5)), repr(partial(max, key=len)))
print(reduce(lambda a, b: a + b, [1, 2, 3]), reduce(max, [3, 9, 2], 0), reduce(lambda a, b: a * b, range(1, 6), 1))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
print([sq(i) for i in [1, 2, 1, 3, 2, 1]], calls, sq.cache_info())
sq.cache_clear(); print(sq.cache_info(), sq.__name__, sq.__wrapped__.__name__)
@lru_cache
def ident(x, y=0):
    return (x, y)
print(ident(1), ident(1, y=0), ident(1, 0), ident.cache_info())
class Node:
    @lru_cache(maxsize=None)
    def depth(self, n):
        return n + 1
print(Node().depth(3))
@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f"V{self.n}"
print(Version(1) <= Version(2), Version(3) > Version(2), Version(2) >= Version(2), sorted([Version(3), Version(1)]))
class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing area")
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area)
def compare(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(compare)), sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(b) - len(a))))
@singledispatch
def describe(x):
    return "thing"
@describe.register(int)
def _(x):
    return "int"
@describe.register
def _(x: str):
    return "str"
print(describe(1), describe("s"), describe(1.5), describe(True))
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner
@deco
def documented(x):
    "Docs here."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__ is not None, documented(4))
