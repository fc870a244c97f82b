# Keywords in a class statement: `metaclass=` (a function, ABCMeta) and the ones __init_subclass__ receives.
from abc import ABCMeta, abstractmethod


def registry(name, bases, namespace):
    print("making", name, sorted(k for k in namespace if not k.startswith("__")))
    return name.lower()


class Plugin(metaclass=registry):
    version = 1

    def run(self):
        pass


print(Plugin)


class Shape(metaclass=ABCMeta):
    @abstractmethod
    def area(self):
        ...


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side**2


print(Square(3).area())
try:
    Shape()
except TypeError as e:
    print(e)


class Tagged:
    def __init_subclass__(cls, tag="none", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag


class Red(Tagged, tag="red"):
    pass


print(Red.tag)
try:

    class Loud(Tagged, tag="loud", volume=11):
        pass

except TypeError as e:
    print(e)
try:

    class Plain(flavour="vanilla"):
        pass

except TypeError as e:
    print(e)
try:

    class Broken(metaclass=5):
        pass

except TypeError as e:
    print(e)
