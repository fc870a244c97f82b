# Equal instances of a class with __eq__ and __hash__ find each other as keys, but every dict and set keeps the
# key object that was put in it first.
class Point:
    def __init__(self, x, y, tag):
        self.x, self.y, self.tag = x, y, tag

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point{self.tag}"


a = Point(1, 2, "a")
b = Point(1, 2, "b")
c = Point(3, 4, "c")
d1 = {a: "first"}
d2 = {b: "second"}
print(next(iter(d1)) is a, next(iter(d2)) is b)
print(d1[b], d2[a], a in d2, c in d1)
d1[b] = "updated"
print(d1, next(iter(d1)) is a)
d3 = {}
d3[b] = 1
d3[a] = 2
print(d3, next(iter(d3)) is b)
s1 = {b, a, c}
s2 = {a}
print(s1, next(iter(s2)) is a, len(s1))
print(s1 | s2, s2 | {b}, {b} & s2, s1 - {Point(1, 2, "d")})
print(dict.fromkeys([b, a]), list({b: 0, a: 1}))
del d2[a]
print(d2, b in d2)
d2.setdefault(Point(1, 2, "e"), "x")
print(d2, d2.pop(a), d2)
