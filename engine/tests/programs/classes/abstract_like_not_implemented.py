class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")

class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

for s in [Square(3), Shape()]:
    try:
        print(type(s).__name__, s.area())
    except NotImplementedError as e:
        print(type(s).__name__, "NotImplementedError:", e)
