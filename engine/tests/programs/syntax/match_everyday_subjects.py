import asyncio
from collections import namedtuple
from enum import Enum

Point = namedtuple("Point", "x y")


class Color(Enum):
    RED = 1
    GREEN = 2


class Temp:
    __match_args__ = ("celsius",)

    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        print("reading celsius")
        return self._c


def f(v):
    match v:
        case Point(0, y):
            return f"namedtuple on y axis {y}"
        case Point(x=x, y=0):
            return f"namedtuple on x axis {x}"
        case Color.RED:
            return "red"
        case Color():
            return f"some colour {v.name}"
        case Temp(c) if c > 30:
            return f"hot {c}"
        case Temp():
            return "temperature"
        case (1, 2) | [3, 4]:
            return "pair"
        case _:
            return "?"


for v in [Point(0, 5), Point(3, 0), Point(1, 1), Color.RED, Color.GREEN, Temp(35), Temp(10), [1, 2], (3, 4)]:
    print(f(v))


def gen(items):
    for item in items:
        match item:
            case int(n):
                yield n * 2
            case str(s):
                yield from s
            case _:
                return


print(list(gen([1, "ab", 3, None, 5])))


async def main():
    async def get(x):
        await asyncio.sleep(0)
        return x

    match await get({"status": 200, "body": [1, 2]}):
        case {"status": 200, "body": [first, *_]}:
            print("ok", first)


asyncio.run(main())

match []:
    case [*rest]:
        print("rest", rest)

x = 5
match x:
    case 1:
        pass
print("no case matched, x still", x)
try:
    match 1:
        case 1 if 1 / 0:
            pass
except ZeroDivisionError as e:
    print("guard raised", e)
