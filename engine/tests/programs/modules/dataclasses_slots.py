from dataclasses import dataclass, field, fields, asdict
@dataclass(slots=True)
class A:
    x: int
    tags: list = field(default_factory=list)
    y: float = 1.5
    def total(self):
        return self.x + self.y
a = A(2)
print(a, a.total(), A.__slots__, A.__qualname__, [f.name for f in fields(A)], asdict(a))
print(A(1) == A(1), hasattr(a, "__dict__"))
@dataclass(slots=True)
class B(A):
    z: int = 0
b = B(1, z=4)
print(b, B.__slots__)
try:
    b.w = 1
except AttributeError as e:
    print(e)
@dataclass(frozen=True, slots=True)
class F:
    v: int
f = F(1)
try:
    f.v = 2
except Exception as e:
    print(type(e).__name__, e)
print(hash(f) == hash(F(1)))
try:
    @dataclass(slots=True)
    class Q:
        __slots__ = ("a",)
        a: int
except TypeError as e:
    print(e)
def outer():
    @dataclass(slots=True)
    class In:
        q: int
    return In
print(outer().__qualname__, outer()(3))
