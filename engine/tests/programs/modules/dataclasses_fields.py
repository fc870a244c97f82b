from dataclasses import dataclass, field, fields, asdict, astuple, replace, KW_ONLY, InitVar, is_dataclass, FrozenInstanceError, make_dataclass
from typing import ClassVar, List
@dataclass
class I:
    name: str
    price: float
    q: int = 1
for a, k in [((), {}), (('a',), {}), ((1, 2, 3, 4), {}), (('a', 1), {'z': 2}), (('a', 1), {'name': 2})]:
    try:
        I(*a, **k)
    except TypeError as e:
        print(e)
print(I.__init__.__qualname__, I.__init__.__name__, I('a', 2.5), I('b', 1, 3) == I('b', 1, 3), I('b', 1) != I('b', 2))
try:
    @dataclass
    class B:
        x: int = 1
        y: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class M:
        x: list = []
except ValueError as e:
    print(e)
print(fields(I)[0].name, fields(I)[2].default, [f.name for f in fields(I('a', 1))])
@dataclass(frozen=True)
class F:
    x: int
    y: int = 2
f = F(1)
for op in (lambda: setattr(f, 'x', 5), lambda: delattr(f, 'x'), lambda: setattr(f, 'new', 1)):
    try:
        op()
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
print(hash(f) == hash(F(1)), {F(1), F(1, 2), F(2)} == {F(1), F(2)}, F(1) == F(1, 2))
try:
    hash(I('a', 1))
except TypeError as e:
    print(e)
print(I('a', 1) == I('a', 1), I('a', 1) == 5, I.__eq__(I('a', 1), 5))
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int
print(K(1, c=3))
for bad in [lambda: K(1, 2, 3), lambda: K(1)]:
    try:
        bad()
    except TypeError as e:
        print(e)
@dataclass
class IV:
    x: int
    y: InitVar[int] = 5
    def __post_init__(self, y):
        self.z = self.x + y
iv = IV(1)
print(iv, iv.z, [f.name for f in fields(iv)], IV(1, 10).z)
@dataclass(order=True)
class O:
    a: int
    b: str = field(default='x', compare=False, repr=False)
print(O(1) < O(2), O(1, 'z'), O(1, 'a') == O(1, 'b'), sorted([O(3), O(1), O(2)]), O(2) >= O(2))
try:
    O(1) < 5
except TypeError as e:
    print(e)
print(asdict(I('a', 1)), astuple(I('a', 1)), replace(I('a', 1), q=9), is_dataclass(I), is_dataclass(I('a', 1)), is_dataclass(5))
@dataclass
class Nest:
    items: list
    d: dict
    i: I
print(asdict(Nest([I('b', 2)], {'k': I('c', 3)}, I('d', 4))))
print(astuple(Nest([I('b', 2)], {}, I('d', 4))))
@dataclass
class CV:
    x: int
    count: ClassVar[int] = 0
    l: List[int] = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
cv = CV(1); cv.l.append(5)
print(cv, CV(2), [f.name for f in fields(CV)], CV.count)
@dataclass(repr=False, eq=False)
class NR:
    x: int
print(NR(1) == NR(1), type(repr(NR(1))).__name__)
@dataclass
class Base:
    x: int = 0
    def hello(self):
        return f"hello {self.x}"
@dataclass
class Derived(Base):
    y: int = 1
print(Derived(), Derived(5, 6), Derived(y=3).hello(), isinstance(Derived(), Base))
print(I.__match_args__)
@dataclass
class Custom:
    a: int
    def __repr__(self):
        return "custom!"
    def __eq__(self, other):
        return True
print(Custom(1), Custom(1) == 5)
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
n = Node(1); n.children.append(n)
print(n)
@dataclass
class Counter:
    count: int = 0
    def incr(self):
        self.count += 1
c = Counter(); c.incr(); c.incr(); print(c)
P = make_dataclass('P', ['x', ('y', int), ('z', int, field(default=0))])
print(P(1, 2), P(1, 2, 3))
@dataclass
class NoInit:
    a: int = field(init=False, default=7)
    b: int = 3
print(NoInit(), NoInit(4))
@dataclass(unsafe_hash=True)
class UH:
    a: int
print(hash(UH(1)) == hash((1,)))
@dataclass
class WithPost:
    a: float
    b: float
    total: float = field(init=False)
    def __post_init__(self):
        self.total = self.a + self.b
print(WithPost(1.5, 2))
