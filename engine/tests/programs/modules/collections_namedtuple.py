from collections import namedtuple, OrderedDict

Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10))
x, y = p
print(x + y, Point._fields, isinstance(p, tuple))
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(od, list(od))
