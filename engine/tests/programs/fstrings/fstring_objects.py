class P:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"P({self.x})"

    def __format__(self, spec):
        return f"P<{self.x}:{spec}>"

p = P(4)
print(f"{p}|{p!r}|{p:wide}|{[p]}")
print(f"{None}|{True}|{3.0}|{[1, 'a']}|{(1,)}|{ {'a': 1} }")
print(format(3.14159, ".3f"), format(255, "x"), format("s", ">3"))
