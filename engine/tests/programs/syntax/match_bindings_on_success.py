def f(v):
    match v:
        case (a, b, c, 1) | (c, a, b, 2) | (b, c, a, 3) | [1, [c, b], a, *_]:
            return ("abc", a, b, c)
        case {"x": x, "y": [y, *zs]} | {"y": y, "x": (x, *zs)}:
            return ("map", x, y, zs)
        case [[p1, q1] | (q1, p1, _), r1] | [r1, q1, p1, 0]:
            return ("nested", p1, q1, r1)
        case [p, q] | [q, p, _] if p < q:
            return ("guard", p, q)
        case Box(w=(1 | 2) as w, h=h) | Box(w=w, h=(5 | 6) as h):
            return ("box", w, h)
        case {"k": kk, **rest} | [kk, *rest]:
            return ("rest", kk, rest)
    return "none"


class Box:
    __match_args__ = ("w", "h")

    def __init__(self, w, h):
        self.w, self.h = w, h


for v in [(1, 2, 3, 1), (1, 2, 3, 2), (1, 2, 3, 3), [1, [2, 3], 4], {"x": 1, "y": [2, 3, 4]},
          {"y": [5], "x": (6, 7)}, [9, 3], [3, 9], [3, 9, 0], [[1, 2], 3], [(1, 2, 3), 4], [7, 8, 9, 0],
          Box(1, 9), Box(9, 5), Box(9, 9), {"k": 1, "z": 2}, [5, 6, 7], "str", [2, 1, 0]]:
    print(v if not isinstance(v, Box) else ("Box", v.w, v.h), f(v))

match [1, 2]:
    case [x, 3]:
        pass
    case _:
        pass
try:
    print(x)
except NameError as e:
    print("NameError", e)
match (1, 2):
    case (a, 5) | (a, 2):
        print("a", a)
match {"k": 1, "j": 2}:
    case {"k": q, "j": 3}:
        pass
    case {"k": r}:
        print("r", r)
try:
    print(q)
except NameError as e:
    print("NameError", e)
