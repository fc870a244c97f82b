def f(a: int, b, *args: str, c: "float" = 1.0, **kw: bool) -> None:
    pass
print(f.__annotations__)
def g(x): return x
print(g.__annotations__)
import functools
@functools.wraps(f)
def h(*a): pass
print(h.__annotations__, h.__name__)
