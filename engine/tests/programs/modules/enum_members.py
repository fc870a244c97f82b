import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self):
        return f"{self.name} is {self.value}"
    @classmethod
    def default(cls):
        return cls.RED
    @property
    def lower(self):
        return self.name.lower()
print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value, Color.RED.describe(), Color.default(), Color.GREEN.lower)
print(Color(2), Color["RED"], list(Color), len(Color), Color.RED in Color, [c.name for c in reversed(Color)])
print(Color, repr(Color), type(Color.RED) is Color, isinstance(Color.RED, Enum), Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.BLUE)
print({Color.RED: 'r'}[Color.RED], Color.__members__, Color._member_names_)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color['PURPLE']
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print("TypeError:", e)
try:
    class More(Color):
        PINK = 4
except TypeError as e:
    print("TypeError:", e)
class P(IntFlag):
    R = 4
    W = 2
    X = 1
class F(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B
print(repr(P.R | P.W), str(P.R | P.W), P.R | 8, repr(P.R | 8), format(P.R), P.R + 1, P.R in (P.R | P.W), list(P))
print(repr(F.A | F.B), F.AB, F.A | F.C, repr(F(0)), str(F(0)), bool(F(0)), ~F.A, list(F), len(F), list(F.A | F.C), F.A in F.AB)
try:
    F(8)
except ValueError as e:
    print(repr(str(e)))
class Priority(IntEnum):
    LOW = 1
    HIGH = 2
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, Priority.LOW == 1, sorted([Priority.HIGH, Priority.LOW]), str(Priority.LOW), f"{Priority.HIGH}", repr(Priority.HIGH), Priority(2), int(Priority.HIGH), Priority.LOW * 10)
class S(StrEnum):
    A = auto()
    B = 'bee'
print(repr(S.A), str(S.A), S.A == 'a', S.B.upper(), f'{S.B}', S('bee'), S.B + '!', len(S.B))
class M(str, Enum):
    X = 'x'
print(format(M.X), str(M.X), f'{M.X}', repr(M.X), M.X == 'x', M.X.value)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), Planet((3.303e+23, 2.4397e6)))
A = Enum('A', 'X Y Z')
print(list(A), A.X.value, A.__qualname__, A.__module__, repr(A))
B = Enum('B', [('P', 5), ('Q', 7)])
print(list(B))
C = IntEnum('C', {'K': 3})
print(list(C), C.K + 1)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print(e)
class Al(Enum):
    A = 1
    B = 1
print(list(Al), Al.B, Al(1), Al['B'], Al.__members__)
class Mi(Enum):
    A = 1
    @classmethod
    def _missing_(cls, v):
        return cls.A
print(Mi(99), hash(Mi.A) == hash('A'), Mi.A.__class__, type(Mi.A))
class W(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name[:1]
    MON = auto()
    TUE = auto()
print(list(W), repr(auto()))
class Z(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name * 2
    AA = auto()
    BB = 10
    CC = auto()
print([z.value for z in Z])
import copy
print(copy.deepcopy(Color.RED) is Color.RED, copy.copy([Color.RED])[0] is Color.RED)
print({c: c.value for c in Color}, max(Priority), sum(Priority))
