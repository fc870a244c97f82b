class Plain:
    def __init__(self):
        self.a = 1
        self.b = 2

print(Plain().__dict__)

class Slotted:
    __slots__ = ("x",)

    def __init__(self):
        self.x = 1

s = Slotted()
print(s.x)
try:
    s.y = 2
except AttributeError as e:
    print("AttributeError:", e)
