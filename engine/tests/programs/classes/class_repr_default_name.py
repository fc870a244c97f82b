class Box:
    pass

print(Box.__name__, type(Box()).__name__)
print(type(Box))
print(type(3), type("s"), type([]), type(None))
print(repr(Box)[:14])
