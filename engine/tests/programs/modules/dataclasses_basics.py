from dataclasses import dataclass, field

@dataclass
class Item:
    name: str
    price: float
    quantity: int = 1
    tags: list = field(default_factory=list)

    def total(self):
        return self.price * self.quantity

a = Item("pen", 1.5, 4)
b = Item("pen", 1.5, 4)
print(a)
print(a == b, a.total(), Item("cup", 3.0).tags)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

print(sorted([Version(1, 2), Version(0, 9), Version(1)]))
v = Version(2)
try:
    v.major = 3
except Exception as e:
    print(type(e).__name__, e)
print(hash(Version(1, 1)) == hash(Version(1, 1)))
