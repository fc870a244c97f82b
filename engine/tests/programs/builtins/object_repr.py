o = object()
print(repr(o).startswith("<object object at 0x"), str(o) == repr(o), type(o).__name__)


class Plain:
    pass


print(repr(Plain()).startswith("<__main__.Plain object at 0x"))
