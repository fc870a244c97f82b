class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
try:
    p.z
except AttributeError as e:
    print(e)
try:
    Point.z
except AttributeError as e:
    print(e)
try:
    "abc".nope()
except AttributeError as e:
    print(e)
try:
    None.value
except AttributeError as e:
    print(e)
print(getattr(p, "z", "missing"), hasattr(p, "x"))
setattr(p, "z", 3)
print(p.z, vars(p))
