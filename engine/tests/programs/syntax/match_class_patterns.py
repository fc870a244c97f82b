from dataclasses import dataclass


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


@dataclass
class Circle:
    center: Point
    radius: int


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Circle(Point(0, 0), r):
            return f"circle of radius {r} around the origin"
        case Circle(center=Point(x=cx), radius=1):
            return f"unit circle at x={cx}"
        case Point():
            return "some point"
        case _:
            return "not a shape"


for shape in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(0, 0), 4),
              Circle(Point(2, 3), 1), Circle(Point(2, 3), 2), "point"]:
    print(where(shape))


def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int(n):
            return f"int {n}"
        case float(x):
            return f"float {x}"
        case str(s):
            return f"str {s!r}"
        case list([first, *_]):
            return f"list starting with {first}"
        case dict(d):
            return f"dict with {len(d)} keys"
        case tuple(t):
            return f"tuple of {len(t)}"
        case _:
            return "something else"


for v in [True, -3, 7, 2.5, "hi", [9, 8], {"a": 1}, (1, 2), None]:
    print(kind(v))


class Missing:
    __match_args__ = ("present", "absent")

    def __init__(self):
        self.present = 1


match Missing():
    case Missing(1, 2):
        print("matched absent")
    case Missing(1):
        print("only the present attribute")
