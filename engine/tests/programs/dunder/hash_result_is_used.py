class Named:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return isinstance(other, Named) and other.name == self.name


print(hash(Named("x")) == hash("x"))


class Big:
    def __hash__(self):
        return 2**70


class MinusOne:
    def __hash__(self):
        return -1


class Seven:
    def __hash__(self):
        return 7


print(hash(Big()), hash(MinusOne()), hash(Seven()), hash(Named(12345678901234)) == 12345678901234)
print(len({Named("a"), Named("a"), Named("b")}))
