class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

a, b, c = Point(1, 2), Point(1, 2), Point(2, 1)
print(a == b, a == c, a != c, a is b)
print(len({a, b, c}))
print(a == (1, 2))
d = {a: "first"}
d[b] = "second"
print(len(d), d[Point(1, 2)])

class NoHash:
    def __eq__(self, other):
        return True

try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
