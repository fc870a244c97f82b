from __future__ import annotations
import __future__
from dataclasses import dataclass, fields


def f(x: Later, y: list[int | None] = None, *args: "quoted", **kw: dict[str, tuple[int, ...]]) -> Later | None:
    return x


class Later:
    count: int = 0
    parts: list[Later]
    z: Callable[[int], str]

    def m(self, other: Later.Inner, n: -1, k: a.b(c, d=1)[0:2]) -> Optional[Later]:
        return self


@dataclass
class Node:
    value: int
    children: list[Node]


print(f(1), f.__annotations__)
print(Later.__annotations__)
print(Later.m.__annotations__)
print([(fl.name, fl.type) for fl in fields(Node)], Node(1, []))
print(__future__.annotations, __future__.annotations.getMandatoryRelease())
