class Point:
    __match_args__ = ("x",)

    def __init__(self):
        self.x = 1


class ListArgs:
    __match_args__ = ["x"]


class IntArgs:
    __match_args__ = (1,)


not_a_class = len


class Keys:
    A = "a"
    B = "a"


def one(v):
    match v:
        case not_a_class():
            return "?"


def two(v):
    match v:
        case Point(1, 2):
            return "?"


def three(v):
    match v:
        case ListArgs(1):
            return "?"


def four(v):
    match v:
        case IntArgs(1):
            return "?"


def five(v):
    match v:
        case Point(1, x=1):
            return "?"


def six(v):
    match v:
        case int(1, 2):
            return "?"


def seven(v):
    match v:
        case object(1):
            return "?"


def eight(v):
    match v:
        case {Keys.A: 1, Keys.B: 2}:
            return "?"


for f, v in [(one, 1), (two, Point()), (three, ListArgs()), (three, 5), (four, IntArgs()), (five, Point()),
             (six, 5), (seven, 5), (eight, {"a": 1})]:
    try:
        print(f.__name__, f(v))
    except (TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)
