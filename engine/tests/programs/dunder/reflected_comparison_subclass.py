class Base:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("Base.__lt__")
        return self.v < other.v

    def __gt__(self, other):
        print("Base.__gt__")
        return self.v > other.v

    def __eq__(self, other):
        print("Base.__eq__")
        return self.v == other.v


class Derived(Base):
    def __gt__(self, other):
        print("Derived.__gt__")
        return NotImplemented

    def __eq__(self, other):
        print("Derived.__eq__")
        return self.v == other.v


print(Base(1) < Derived(2))
print(Derived(1) < Base(2))
print(Base(1) == Derived(1))
print(Base(1) > Base(0))
